package dev.gantry.engine.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.engine.EngineOptions;
import dev.gantry.engine.InferenceEngine;
import dev.gantry.engine.TestModels;
import dev.gantry.engine.sampling.SamplingParams;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Admission, back-pressure, cancellation and limits of the scheduler on the real model. */
class SchedulerBehaviourTest {
    private InferenceEngine engine;

    @AfterEach
    void close() {
        if (engine != null) {
            engine.close();
        }
    }

    private InferenceEngine start(int maxConcurrent, int maxQueue, Duration queueTimeout, int contextLength) {
        EngineOptions options = EngineOptions.forModel(TestModels.stories260K())
                .withDevice("cpu", "float32")
                .withMaxContextLength(contextLength)
                .withScheduler(new SchedulerConfig(4, maxConcurrent, maxQueue, queueTimeout, 1024));
        engine = InferenceEngine.load(options);
        return engine;
    }

    private int[] prompt(String text) {
        return engine.tokenizer().encode(text, true);
    }

    /** Long enough to keep a slot busy for a while: sampling without end-of-sequence. */
    private GenerationRequest longRequest() {
        return new GenerationRequest(
                prompt("Once"), new SamplingParams(1, 0, 1, 1, 0, 0, 1L), 400, List.of(), Set.of(), true, null);
    }

    @Test
    void cancellingARunningSequenceFreesItsSlot() throws Exception {
        start(1, 4, Duration.ofSeconds(30), 512);
        CountDownLatch firstToken = new CountDownLatch(1);
        CollectingListener collected = new CollectingListener();
        GenerationHandle handle = engine.submit(longRequest(), new ForwardingListener(collected) {
            @Override
            public void onToken(int tokenId, String text) {
                super.onToken(tokenId, text);
                firstToken.countDown();
            }
        });
        assertThat(firstToken.await(10, TimeUnit.SECONDS)).isTrue();

        handle.cancel();

        assertThat(collected.result().get(10, TimeUnit.SECONDS).finishReason()).isEqualTo(FinishReason.CANCELLED);
        assertThat(collected.result().get().tokens().size()).isLessThan(400);
        GenerationResult next = engine.generate(GenerationRequest.of(prompt("Zoo"), SamplingParams.GREEDY, 5));
        assertThat(next.tokens()).hasSize(5);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (engine.model().cache().freeSlots() < 1 && System.nanoTime() < deadline) {
            Thread.sleep(5); // the slot returns at the end of the step that finished the sequence
        }
        assertThat(engine.model().cache().freeSlots()).isEqualTo(1);
        assertThat(engine.scheduler().runningSequences()).isZero();
    }

    @Test
    void aFullQueueRefusesNewRequests() throws Exception {
        start(1, 1, Duration.ofSeconds(30), 512);
        StartedLatch started = new StartedLatch();
        GenerationHandle running = engine.submit(longRequest(), started);
        assertThat(started.await()).isTrue();
        GenerationHandle queued = engine.submit(longRequest(), new CollectingListener());

        assertThatThrownBy(() -> engine.submit(longRequest(), new CollectingListener()))
                .isInstanceOf(QueueFullException.class)
                .hasMessageContaining("1 requests are already waiting");
        running.cancel();
        queued.cancel();
    }

    @Test
    void aRequestThatWaitsLongerThanTheQueueTimeoutFails() throws Exception {
        start(1, 4, Duration.ofMillis(200), 512);
        StartedLatch started = new StartedLatch();
        GenerationHandle running = engine.submit(longRequest(), started);
        assertThat(started.await()).isTrue();
        CollectingListener waiting = new CollectingListener();

        engine.submit(longRequest(), waiting);

        assertThatThrownBy(() -> waiting.result().get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(QueueTimeoutException.class);
        running.cancel();
    }

    @Test
    void requestsAreAdmittedInArrivalOrder() throws Exception {
        start(1, 16, Duration.ofSeconds(30), 512);
        List<Integer> startOrder = new CopyOnWriteArrayList<>();
        List<CollectingListener> listeners = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            int index = i;
            CollectingListener collected = new CollectingListener();
            listeners.add(collected);
            engine.submit(
                    GenerationRequest.of(prompt("Zoo"), SamplingParams.GREEDY, 3), new ForwardingListener(collected) {
                        @Override
                        public void onStarted() {
                            startOrder.add(index);
                        }
                    });
        }
        for (CollectingListener listener : listeners) {
            listener.result().get(10, TimeUnit.SECONDS);
        }

        assertThat(startOrder).containsExactly(0, 1, 2, 3, 4, 5);
    }

    @Test
    void theContextLengthBoundsPromptAndOutput() {
        start(2, 4, Duration.ofSeconds(30), 16);

        GenerationResult result = engine.generate(GenerationRequest.of(prompt("Zoo"), SamplingParams.GREEDY, 100));

        assertThat(result.finishReason()).isEqualTo(FinishReason.LENGTH);
        assertThat(result.stats().promptTokens() + result.stats().generatedTokens())
                .isEqualTo(16);
        assertThatThrownBy(() -> engine.submit(
                        GenerationRequest.of(new int[16], SamplingParams.GREEDY, 1), new CollectingListener()))
                .isInstanceOf(PromptTooLongException.class)
                .hasMessageContaining("16 tokens");
    }

    @Test
    void aStopStringEndsTheOutputBeforeIt() {
        start(2, 4, Duration.ofSeconds(30), 512);
        CollectingListener collected = new CollectingListener();
        List<String> pieces = new CopyOnWriteArrayList<>();

        engine.submit(
                new GenerationRequest(
                        prompt("Zoo"), SamplingParams.GREEDY, 50, List.of(" named"), Set.of(), false, null),
                new ForwardingListener(collected) {
                    @Override
                    public void onToken(int tokenId, String text) {
                        super.onToken(tokenId, text);
                        pieces.add(text);
                    }
                });
        GenerationResult result = collected.result().join();

        assertThat(result.text()).isEqualTo(" was a little girl");
        assertThat(result.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(String.join("", pieces)).doesNotContain("named").doesNotContain(" nam");
    }

    @Test
    void aStopTokenEndsTheOutputWithoutIt() {
        start(2, 4, Duration.ofSeconds(30), 512);
        int stopToken = TestModels.ZOO_REFERENCE[8];

        GenerationResult result = engine.generate(new GenerationRequest(
                prompt("Zoo"), SamplingParams.GREEDY, 50, List.of(), Set.of(stopToken), false, null));

        assertThat(result.tokens()).hasSize(4).doesNotContain(stopToken);
        assertThat(result.finishReason()).isEqualTo(FinishReason.STOP);
    }

    /** Counts down when generation starts. */
    private static final class StartedLatch extends ForwardingListener {
        private final CountDownLatch latch = new CountDownLatch(1);

        StartedLatch() {
            super(new CollectingListener());
        }

        @Override
        public void onStarted() {
            latch.countDown();
        }

        boolean await() throws InterruptedException {
            return latch.await(10, TimeUnit.SECONDS);
        }
    }

    /** Passes every event to a delegate, so tests can observe some of them. */
    private static class ForwardingListener implements GenerationListener {
        private final GenerationListener delegate;

        ForwardingListener(GenerationListener delegate) {
            this.delegate = delegate;
        }

        @Override
        public void onStarted() {
            delegate.onStarted();
        }

        @Override
        public void onToken(int tokenId, String text) {
            delegate.onToken(tokenId, text);
        }

        @Override
        public void onFinish(FinishReason reason, String trailingText, GenerationStats stats) {
            delegate.onFinish(reason, trailingText, stats);
        }

        @Override
        public void onError(Throwable error) {
            delegate.onError(error);
        }
    }
}
