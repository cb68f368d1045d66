package dev.gantry.runtime.lifecycle;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where the server is in its life: loading (not ready), ready, or draining after SIGTERM (not ready,
 * refusing new inference). Counts in-flight inference requests so that a drain knows when it is done.
 */
public final class Lifecycle {
    private enum State {
        LOADING,
        READY,
        DRAINING
    }

    private volatile State state = State.LOADING;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Object drained = new Object();

    public boolean ready() {
        return state == State.READY;
    }

    public boolean draining() {
        return state == State.DRAINING;
    }

    public void markReady() {
        if (state == State.LOADING) {
            state = State.READY;
        }
    }

    public void requestStarted() {
        inFlight.incrementAndGet();
    }

    public void requestEnded() {
        if (inFlight.decrementAndGet() == 0) {
            synchronized (drained) {
                drained.notifyAll();
            }
        }
    }

    public int inFlight() {
        return inFlight.get();
    }

    /** Stops taking new work and waits up to {@code grace} for in-flight requests; true if all finished. */
    public boolean drain(Duration grace) throws InterruptedException {
        state = State.DRAINING;
        long deadline = System.nanoTime() + grace.toNanos();
        synchronized (drained) {
            while (inFlight.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                drained.wait(Math.max(1, left / 1_000_000));
            }
        }
        return true;
    }
}
