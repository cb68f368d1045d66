package dev.gantry.local.node;

import io.fabric8.kubernetes.api.model.Probe;
import java.time.Duration;
import java.time.Instant;

/**
 * When one probe runs and what its results mean. Probes run at most {@code localPeriod} apart (faster than a
 * cluster's periods, so that local mode reacts in a second). Readiness counts consecutive results as the kubelet
 * does; startup and liveness fail only after the time their spec allows ({@code failureThreshold × periodSeconds}),
 * so that running them more often does not kill a container sooner.
 */
final class ProbeTracker {

    enum Kind {
        STARTUP,
        READINESS,
        LIVENESS
    }

    private final Probe probe;
    private final Kind kind;
    private final Duration period;
    private final Duration budget;
    private Instant nextRun;
    private int successes;
    private int failures;
    private Instant failingSince;
    private boolean passed;

    ProbeTracker(Probe probe, Kind kind, Duration localPeriod, Instant containerStart) {
        this.probe = probe;
        this.kind = kind;
        var specPeriod = Duration.ofSeconds(value(probe.getPeriodSeconds(), 10));
        this.period = kind == Kind.LIVENESS || specPeriod.compareTo(localPeriod) < 0 ? specPeriod : localPeriod;
        this.budget = specPeriod.multipliedBy(value(probe.getFailureThreshold(), 3));
        this.nextRun = containerStart.plusSeconds(value(probe.getInitialDelaySeconds(), 0));
    }

    Probe probe() {
        return probe;
    }

    boolean due(Instant now) {
        return !now.isBefore(nextRun);
    }

    void record(boolean ok, Instant now) {
        nextRun = now.plus(period);
        if (ok) {
            successes++;
            failures = 0;
            failingSince = null;
            if (successes >= value(probe.getSuccessThreshold(), 1)) {
                passed = true;
            }
        } else {
            failures++;
            successes = 0;
            if (failingSince == null) {
                failingSince = now;
            }
            if (kind == Kind.READINESS && failures >= value(probe.getFailureThreshold(), 3)) {
                passed = false;
            }
        }
    }

    boolean passed() {
        return passed;
    }

    /** A startup or liveness probe that failed for longer than its spec allows: the container must restart. */
    boolean failedOut(Instant now) {
        return kind != Kind.READINESS
                && failures >= value(probe.getFailureThreshold(), 3)
                && failingSince != null
                && Duration.between(failingSince, now).compareTo(budget.minus(period)) >= 0;
    }

    private static int value(Integer value, int fallback) {
        return value == null ? fallback : value;
    }
}
