package dev.gantry.engine.scheduler;

import ai.djl.ndarray.NDManager;
import dev.gantry.engine.batch.CausalLanguageModel;
import dev.gantry.engine.kv.KvCache;
import dev.gantry.engine.sampling.BatchSampler;
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

    private final int contextLength;
    private final KvCache cache;
    private final TextTokenizer tokenizer;
    private final SchedulerConfig config;
    private final StepExecutor executor;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private final ArrayDeque<Sequence> waiting = new ArrayDeque<>();
    private final List<Sequence> running = new ArrayList<>();
    private final Thread thread;
    private volatile boolean closed;
    private volatile int runningCount;
    private volatile int waitingCount;

    /**
     * Starts the engine thread; {@code threadSetup} runs on it first (e.g. per-thread native settings).
     */
    public Scheduler(
            CausalLanguageModel model,
            KvCache cache,
            NDManager manager,
            BatchSampler sampler,
            TextTokenizer tokenizer,
            int[] endOfSequence,
            SchedulerConfig config,
            Runnable threadSetup) {
        this.contextLength = model.maxContextLength();
        this.cache = cache;
        this.tokenizer = tokenizer;
        this.config = config;
        this.executor = new StepExecutor(model, manager, sampler, new TokenRules(endOfSequence), config);
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
        if (request.promptTokens().length >= contextLength) {
            throw new PromptTooLongException(request.promptTokens().length, contextLength);
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
                admitted.forEach(SequenceEvents::started);
                finishCancelled();
                executor.prefillOnce(running);
                executor.decodeAll(running);
                releaseFinished();
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
                SequenceEvents.finish(s, FinishReason.CANCELLED, "");
            } else if (now - s.deadlineNanos > 0) {
                it.remove();
                SequenceEvents.error(s, new QueueTimeoutException(config.queueTimeout()));
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

    private void finishCancelled() {
        for (Sequence s : running) {
            if (s.cancelled && !s.finished) {
                SequenceEvents.finish(s, FinishReason.CANCELLED, "");
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
                        SequenceEvents.finish(s, FinishReason.CANCELLED, "");
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
                    SequenceEvents.error(s, error);
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
                SequenceEvents.error(s, error);
            }
            waiting.clear();
            waitingCount = 0;
        } finally {
            lock.unlock();
        }
        failAll(running, error);
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
