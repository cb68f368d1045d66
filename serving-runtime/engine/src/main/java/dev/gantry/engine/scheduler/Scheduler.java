package dev.gantry.engine.scheduler;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import dev.gantry.engine.batch.CausalLanguageModel;
import dev.gantry.engine.batch.StepBatch;
import dev.gantry.engine.kv.KvCache;
import dev.gantry.engine.sampling.BatchSampler;
import dev.gantry.engine.sampling.SamplingState;
import dev.gantry.engine.tokenizer.TextTokenizer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Continuous batching on one engine thread. Each iteration admits waiting requests in FIFO order while
 * cache slots and the concurrency limit allow, runs one (chunked, batched) prefill pass for newly
 * admitted sequences, then one decode step for every running sequence in batches of
 * {@code maxBatchSize}. Sequences join and leave between any two steps.
 */
public final class Scheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);
    private static final long IDLE_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final CausalLanguageModel model;
    private final KvCache cache;
    private final NDManager manager;
    private final BatchSampler sampler;
    private final TextTokenizer tokenizer;
    private final TokenRules rules;
    private final SchedulerConfig config;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private final ArrayDeque<Sequence> waiting = new ArrayDeque<>();
    private final List<Sequence> running = new ArrayList<>();
    private final Thread thread;
    private volatile boolean closed;
    private volatile int runningCount;
    private volatile int waitingCount;

    public Scheduler(
            CausalLanguageModel model,
            KvCache cache,
            NDManager manager,
            BatchSampler sampler,
            TextTokenizer tokenizer,
            int[] endOfSequence,
            SchedulerConfig config,
            Runnable threadSetup) {
        this.model = model;
        this.cache = cache;
        this.manager = manager;
        this.sampler = sampler;
        this.tokenizer = tokenizer;
        this.rules = new TokenRules(endOfSequence);
        this.config = config;
        this.thread = new Thread(
                () -> {
                    threadSetup.run();
                    loop();
                },
                "gantry-scheduler");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /**
     * Queues a request. Throws {@link PromptTooLongException} when the prompt leaves no room for output,
     * {@link QueueFullException} when the queue is full and {@link EngineClosedException} after close.
     */
    public GenerationHandle submit(GenerationRequest request, GenerationListener listener) {
        if (request.promptTokens().length >= model.maxContextLength()) {
            throw new PromptTooLongException(request.promptTokens().length, model.maxContextLength());
        }
        long deadline = System.nanoTime() + config.queueTimeout().toNanos();
        Sequence sequence = new Sequence(request, listener, tokenizer, deadline, this::wakeUp);
        lock.lock();
        try {
            if (closed) {
                throw new EngineClosedException();
            }
            if (waiting.size() >= config.maxQueueSize() && !hasCapacityNow()) {
                throw new QueueFullException(waiting.size());
            }
            waiting.addLast(sequence);
            waitingCount = waiting.size();
            work.signalAll();
        } finally {
            lock.unlock();
        }
        return sequence;
    }

    /** Whether a request would be admitted at once: finished sequences awaiting release do not count. */
    private boolean hasCapacityNow() {
        if (!waiting.isEmpty()) {
            return false;
        }
        int active = 0;
        for (Sequence s : running) {
            active += s.finished ? 0 : 1;
        }
        return active < config.maxConcurrentSequences();
    }

    /** Sequences in the running batch. */
    public int runningSequences() {
        return runningCount;
    }

    /** Requests waiting for admission. */
    public int waitingSequences() {
        return waitingCount;
    }

    public SchedulerConfig config() {
        return config;
    }

    private void wakeUp() {
        lock.lock();
        try {
            work.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void loop() {
        while (true) {
            List<Sequence> admitted;
            lock.lock();
            try {
                while (!closed && waiting.isEmpty() && running.isEmpty()) {
                    work.awaitUninterruptibly();
                }
                if (closed) {
                    break;
                }
                dropExpiredAndCancelled();
                admitted = admit();
                waitingCount = waiting.size();
                runningCount = running.size();
            } finally {
                lock.unlock();
            }
            try {
                step(admitted);
            } catch (RuntimeException | Error e) {
                LOG.error("engine step failed; failing the running sequences", e);
                failAll(running, e);
            }
            idleWhileOnlyWaiting();
        }
        failAllOnClose();
    }

    /** With nothing running but requests waiting (e.g. all cancelled), avoid a busy loop. */
    private void idleWhileOnlyWaiting() {
        lock.lock();
        try {
            if (running.isEmpty() && !waiting.isEmpty() && !closed) {
                work.awaitNanos(IDLE_POLL_NANOS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    private void dropExpiredAndCancelled() {
        long now = System.nanoTime();
        for (Iterator<Sequence> it = waiting.iterator(); it.hasNext(); ) {
            Sequence s = it.next();
            if (s.cancelled) {
                it.remove();
                notifyFinish(s, FinishReason.CANCELLED, "");
            } else if (now - s.deadlineNanos > 0) {
                it.remove();
                notifyError(s, new QueueTimeoutException(config.queueTimeout()));
            }
        }
    }

    private List<Sequence> admit() {
        List<Sequence> admitted = new ArrayList<>();
        while (!waiting.isEmpty() && running.size() < config.maxConcurrentSequences()) {
            int slot = cache.acquire();
            if (slot < 0) {
                break;
            }
            Sequence s = waiting.pollFirst();
            s.slot = slot;
            running.add(s);
            admitted.add(s);
        }
        return admitted;
    }

    private void step(List<Sequence> admitted) {
        for (Sequence s : admitted) {
            notifyStarted(s);
        }
        releaseCancelled();
        prefillOnce();
        decodeAll();
        releaseFinished();
    }

    /** One prefill pass over the oldest sequences still reading their prompt, within the token budget. */
    private void prefillOnce() {
        List<Sequence> rows = new ArrayList<>();
        List<StepBatch.Row> batchRows = new ArrayList<>();
        int budget = config.maxPrefillTokens();
        for (Sequence s : running) {
            if (s.finished || s.prefillDone() || rows.size() == config.maxBatchSize() || budget == 0) {
                continue;
            }
            int[] chunk = s.nextPrefillChunk(budget);
            budget -= chunk.length;
            batchRows.add(new StepBatch.Row(s.slot, s.prefilled, chunk));
            rows.add(s);
        }
        if (rows.isEmpty()) {
            return;
        }
        runStep(rows, StepBatch.of(batchRows), true);
    }

    private void decodeAll() {
        List<Sequence> decoding = new ArrayList<>();
        for (Sequence s : running) {
            if (!s.finished && s.pending >= 0) {
                decoding.add(s);
            }
        }
        for (int from = 0; from < decoding.size(); from += config.maxBatchSize()) {
            List<Sequence> chunk = decoding.subList(from, Math.min(decoding.size(), from + config.maxBatchSize()));
            List<StepBatch.Row> rows = new ArrayList<>(chunk.size());
            for (Sequence s : chunk) {
                rows.add(new StepBatch.Row(s.slot, s.cached, new int[] {s.pending}));
            }
            runStep(chunk, StepBatch.of(rows), false);
        }
    }

    /** Runs one forward pass and samples a token for every row whose prompt is now fully cached. */
    private void runStep(List<Sequence> rows, StepBatch batch, boolean prefill) {
        try (NDScope scope = new NDScope();
                NDManager step = manager.newSubManager()) {
            NDArray logits = model.forward(batch, step);
            List<Sequence> sampled = new ArrayList<>();
            List<Long> sampledRows = new ArrayList<>();
            for (int b = 0; b < rows.size(); b++) {
                Sequence s = rows.get(b);
                StepBatch.Row row = batch.rows().get(b);
                if (prefill) {
                    s.prefilled += row.tokens().length;
                }
                s.cached += row.tokens().length;
                if (s.prefillDone()) {
                    sampled.add(s);
                    sampledRows.add((long) b);
                }
            }
            if (sampled.isEmpty()) {
                return;
            }
            if (sampled.size() < rows.size()) {
                long[] keep = sampledRows.stream().mapToLong(Long::longValue).toArray();
                logits = logits.get(new NDIndex("{}", step.create(keep)));
            }
            List<SamplingState> states = new ArrayList<>(sampled.size());
            for (Sequence s : sampled) {
                states.add(s.sampling);
            }
            int[] tokens = sampler.sample(logits, states, step);
            for (int i = 0; i < sampled.size(); i++) {
                accept(sampled.get(i), tokens[i]);
            }
        }
    }

    private void accept(Sequence s, int token) {
        s.generated++;
        s.pending = -1;
        if (s.cancelled) {
            return;
        }
        if (rules.endsSequence(s.request, token)) {
            notifyFinish(s, FinishReason.STOP, s.output.finish());
            return;
        }
        if (s.request.mask() != null) {
            s.request.mask().accept(token);
        }
        s.sampling.recordGenerated(token);
        var delta = s.output.append(token);
        notifyToken(s, token, delta.text());
        if (delta.stopped()) {
            notifyFinish(s, FinishReason.STOP, "");
        } else if (s.generated >= s.request.maxTokens() || s.cached + 1 >= model.maxContextLength()) {
            notifyFinish(s, FinishReason.LENGTH, s.output.finish());
        } else {
            s.pending = token;
        }
    }

    private void releaseCancelled() {
        for (Sequence s : running) {
            if (s.cancelled && !s.finished) {
                notifyFinish(s, FinishReason.CANCELLED, "");
            }
        }
    }

    private void releaseFinished() {
        lock.lock();
        try {
            for (Iterator<Sequence> it = running.iterator(); it.hasNext(); ) {
                Sequence s = it.next();
                if (s.finished || s.cancelled) {
                    if (!s.finished) {
                        notifyFinish(s, FinishReason.CANCELLED, "");
                    }
                    it.remove();
                    cache.release(s.slot);
                }
            }
            runningCount = running.size();
        } finally {
            lock.unlock();
        }
    }

    private void failAll(List<Sequence> sequences, Throwable error) {
        lock.lock();
        try {
            for (Sequence s : sequences) {
                if (!s.finished) {
                    notifyError(s, error);
                }
                cache.release(s.slot);
            }
            sequences.clear();
            runningCount = 0;
        } finally {
            lock.unlock();
        }
    }

    private void failAllOnClose() {
        EngineClosedException error = new EngineClosedException();
        lock.lock();
        try {
            for (Sequence s : waiting) {
                notifyError(s, error);
            }
            waiting.clear();
            waitingCount = 0;
        } finally {
            lock.unlock();
        }
        failAll(running, error);
    }

    private void notifyStarted(Sequence s) {
        try {
            s.listener.onStarted();
        } catch (RuntimeException e) {
            LOG.warn("generation listener failed in onStarted", e);
        }
    }

    private void notifyToken(Sequence s, int token, String text) {
        try {
            s.listener.onToken(token, text);
        } catch (RuntimeException e) {
            LOG.warn("generation listener failed in onToken; cancelling the sequence", e);
            s.cancelled = true;
        }
    }

    private void notifyFinish(Sequence s, FinishReason reason, String trailing) {
        s.finished = true;
        try {
            s.listener.onFinish(reason, trailing, s.stats());
        } catch (RuntimeException e) {
            LOG.warn("generation listener failed in onFinish", e);
        }
    }

    private void notifyError(Sequence s, Throwable error) {
        s.finished = true;
        try {
            s.listener.onError(error);
        } catch (RuntimeException e) {
            LOG.warn("generation listener failed in onError", e);
        }
    }

    /** Stops the engine thread; waiting and running sequences end with {@link EngineClosedException}. */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            work.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
