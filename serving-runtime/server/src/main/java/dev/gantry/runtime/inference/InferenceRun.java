package dev.gantry.runtime.inference;

import dev.gantry.engine.InferenceEngine;
import dev.gantry.engine.sampling.SamplingParams;
import dev.gantry.engine.scheduler.EngineClosedException;
import dev.gantry.engine.scheduler.FinishReason;
import dev.gantry.engine.scheduler.GenerationHandle;
import dev.gantry.engine.scheduler.GenerationListener;
import dev.gantry.engine.scheduler.GenerationRequest;
import dev.gantry.engine.scheduler.GenerationStats;
import dev.gantry.engine.scheduler.QueueFullException;
import dev.gantry.engine.scheduler.QueueTimeoutException;
import dev.gantry.runtime.constraint.ConstraintMask;
import dev.gantry.runtime.http.ApiException;
import dev.gantry.runtime.metrics.RuntimeMetrics;
import io.vertx.core.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One request's sequences in the engine: submits every choice, hops engine events onto the request's
 * event-loop context in order, records token metrics, and ends the response once every choice finished
 * (or fails it, cancelling the others).
 */
final class InferenceRun {
    private static final Logger LOG = LoggerFactory.getLogger(InferenceRun.class);

    private final InferenceEngine engine;
    private final InferenceRequest request;
    private final OutputSink sink;
    private final Context context;
    private final RuntimeMetrics metrics;
    private final long startNanos;
    private final BiConsumer<List<OutputSink.ChoiceResult>, OutputSink.Usage> onComplete;
    private final List<GenerationHandle> handles = new ArrayList<>();
    private final StringBuilder[] texts;
    private final String[] finishReasons;
    private final int[] generated;
    private final ConstraintMask[] masks;
    private final AtomicBoolean firstToken = new AtomicBoolean();
    private OutputSink.CacheStatus cacheStatus = OutputSink.CacheStatus.NONE;
    private boolean started;
    private boolean ended;
    private int remaining;

    InferenceRun(
            InferenceEngine engine,
            InferenceRequest request,
            OutputSink sink,
            Context context,
            RuntimeMetrics metrics,
            long startNanos,
            BiConsumer<List<OutputSink.ChoiceResult>, OutputSink.Usage> onComplete) {
        this.engine = engine;
        this.request = request;
        this.sink = sink;
        this.context = context;
        this.metrics = metrics;
        this.startNanos = startNanos;
        this.onComplete = onComplete;
        int choices = request.choiceCount();
        this.texts = new StringBuilder[choices];
        this.finishReasons = new String[choices];
        this.generated = new int[choices];
        this.masks = new ConstraintMask[choices];
        this.remaining = choices;
        for (int i = 0; i < choices; i++) {
            texts[i] = new StringBuilder();
        }
    }

    /** Marks the answer as a cache miss (the request was eligible for the cache). */
    InferenceRun cacheMiss() {
        cacheStatus = OutputSink.CacheStatus.MISS;
        return this;
    }

    /** Submits every choice; on a full queue or a closed engine, cancels what was submitted and fails. */
    void start() {
        try {
            for (int p = 0; p < request.prompts().size(); p++) {
                for (int i = 0; i < request.n(); i++) {
                    int choice = p * request.n() + i;
                    handles.add(submit(choice, request.prompts().get(p)));
                }
            }
        } catch (QueueFullException e) {
            cancel();
            end(() -> sink.fail(
                    ApiException.overloaded(429, "The server is at capacity and its queue is full; retry shortly", 1)));
        } catch (EngineClosedException e) {
            cancel();
            end(() -> sink.fail(ApiException.unavailable("The server is shutting down")));
        }
    }

    private GenerationHandle submit(int choice, int[] prompt) {
        SamplingParams base = request.sampling();
        SamplingParams sampling = base.seed() == null
                ? base
                : new SamplingParams(
                        base.temperature(),
                        base.topK(),
                        base.topP(),
                        base.repetitionPenalty(),
                        base.frequencyPenalty(),
                        base.presencePenalty(),
                        base.seed() + choice);
        int budget = Math.min(request.maxTokens(), engine.info().maxContextLength() - prompt.length);
        ConstraintMask mask =
                request.compiled() == null ? null : request.compiled().newMask(budget, request.closeAtLimit());
        masks[choice] = mask;
        GenerationRequest generation = new GenerationRequest(
                prompt, sampling, request.maxTokens(), request.stop(), Set.of(), request.ignoreEos(), mask);
        return engine.submit(generation, new Listener(choice, prompt.length));
    }

    void cancel() {
        for (GenerationHandle handle : handles) {
            handle.cancel();
        }
    }

    private void end(Runnable action) {
        if (!ended) {
            ended = true;
            action.run();
        }
    }

    private void onStarted() {
        if (!started && !ended) {
            started = true;
            sink.start(cacheStatus);
        }
    }

    private void onText(int choice, String text) {
        texts[choice].append(text);
        if (!ended) {
            sink.delta(choice, text);
        }
    }

    private void onFinished(int choice, FinishReason reason, String trailing, GenerationStats stats) {
        if (reason == FinishReason.CANCELLED || ended) {
            return;
        }
        if (!trailing.isEmpty()) {
            onText(choice, trailing);
        }
        finishReasons[choice] = reason == FinishReason.LENGTH ? "length" : "stop";
        if (masks[choice] != null) {
            metrics.structuredOutput(
                    request.constraint().kind(),
                    StructuredOutcome.classify(
                            request.compiled(),
                            masks[choice],
                            reason,
                            stats,
                            texts[choice].toString(),
                            !request.stop().isEmpty()));
        }
        generated[choice] = stats.generatedTokens();
        sink.finish(choice, finishReasons[choice]);
        if (--remaining == 0) {
            List<OutputSink.ChoiceResult> choices = new ArrayList<>();
            int completion = 0;
            for (int i = 0; i < texts.length; i++) {
                choices.add(new OutputSink.ChoiceResult(i, texts[i].toString(), finishReasons[i]));
                completion += generated[i];
            }
            int prompt = request.prompts().stream().mapToInt(p -> p.length).sum();
            OutputSink.Usage usage = new OutputSink.Usage(prompt, completion);
            end(() -> sink.complete(choices, usage));
            onComplete.accept(choices, usage);
        }
    }

    private void onFailed(Throwable error) {
        if (ended) {
            return;
        }
        cancel();
        ApiException failure;
        if (error instanceof QueueTimeoutException) {
            failure = ApiException.overloaded(
                    503, "The request waited too long for a free slot: " + error.getMessage(), 1);
        } else if (error instanceof EngineClosedException) {
            failure = ApiException.unavailable("The server is shutting down");
        } else {
            LOG.error("generation failed", error);
            failure = ApiException.internal("Generation failed inside the engine");
        }
        end(() -> sink.fail(failure));
    }

    /** Engine events of one choice; runs on the scheduler thread and hops to the request's context. */
    private final class Listener implements GenerationListener {
        private final int choice;
        private final int promptTokens;
        private long lastTokenNanos;

        Listener(int choice, int promptTokens) {
            this.choice = choice;
            this.promptTokens = promptTokens;
        }

        @Override
        public void onStarted() {
            metrics.promptTokens(promptTokens);
            context.runOnContext(v -> InferenceRun.this.onStarted());
        }

        @Override
        public void onToken(int tokenId, String text) {
            long now = System.nanoTime();
            if (firstToken.compareAndSet(false, true)) {
                metrics.timeToFirstToken(request.endpoint(), now - startNanos);
            }
            if (lastTokenNanos != 0) {
                metrics.interTokenLatency(now - lastTokenNanos);
            }
            lastTokenNanos = now;
            if (!text.isEmpty()) {
                context.runOnContext(v -> onText(choice, text));
            }
        }

        @Override
        public void onFinish(FinishReason reason, String trailingText, GenerationStats stats) {
            metrics.generatedTokens(stats.generatedTokens());
            context.runOnContext(v -> onFinished(choice, reason, trailingText, stats));
        }

        @Override
        public void onError(Throwable error) {
            context.runOnContext(v -> onFailed(error));
        }
    }
}
