package dev.gantry.local.process;

import java.time.Duration;

/**
 * The kubelet's crash-loop back-off for one container: the first restart is immediate, each later one waits twice
 * as long as the one before, from {@code initial} up to {@code max}; a container that ran for twice the cap
 * without exiting starts over.
 */
public final class Backoff {

    private final Duration initial;
    private final Duration max;
    private Duration next = Duration.ZERO;

    public Backoff(Duration initial, Duration max) {
        this.initial = initial;
        this.max = max;
    }

    /** How long to wait before restarting a container that exited after running for {@code ranFor}. */
    public Duration afterExit(Duration ranFor) {
        if (ranFor.compareTo(max.multipliedBy(2)) > 0) {
            next = Duration.ZERO;
        }
        var delay = next;
        next = next.isZero() ? initial : min(next.multipliedBy(2), max);
        return delay;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
