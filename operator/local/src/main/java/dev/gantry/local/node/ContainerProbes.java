package dev.gantry.local.node;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Probe;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The probes of one run of a container, in the kubelet's order: the startup probe until it passes, then readiness
 * and liveness. Used by one thread at a time (the container's tick).
 */
final class ContainerProbes {

    /** What the probes due now concluded; {@code restart} names the probe that gave up, if one did. */
    record Verdict(boolean started, boolean ready, String restart) {}

    private final Container spec;
    private final Prober prober;
    private final Map<Integer, Integer> hostPorts;
    private final Duration period;
    private ProbeTracker startup;
    private ProbeTracker readiness;
    private ProbeTracker liveness;
    private boolean started;

    ContainerProbes(Container spec, Prober prober, Map<Integer, Integer> hostPorts, Duration period) {
        this.spec = spec;
        this.prober = prober;
        this.hostPorts = hostPorts;
        this.period = period;
    }

    /** A new run of the container started now. */
    void reset(Instant now) {
        startup = tracker(spec.getStartupProbe(), ProbeTracker.Kind.STARTUP, now);
        readiness = tracker(spec.getReadinessProbe(), ProbeTracker.Kind.READINESS, now);
        liveness = tracker(spec.getLivenessProbe(), ProbeTracker.Kind.LIVENESS, now);
        started = startup == null;
    }

    Verdict run(Instant now) {
        if (!started) {
            if (startup.due(now)) {
                startup.record(check(startup), now);
                started = startup.passed();
                if (startup.failedOut(now)) {
                    return new Verdict(false, false, "startup probe failed");
                }
            }
            if (!started) {
                return new Verdict(false, false, null);
            }
        }
        if (readiness != null && readiness.due(now)) {
            readiness.record(check(readiness), now);
        }
        boolean ready = readiness == null || readiness.passed();
        if (liveness != null && liveness.due(now)) {
            liveness.record(check(liveness), now);
            if (liveness.failedOut(now)) {
                return new Verdict(true, false, "liveness probe failed");
            }
        }
        return new Verdict(true, ready, null);
    }

    private boolean check(ProbeTracker tracker) {
        return prober.check(tracker.probe(), spec, hostPorts);
    }

    private ProbeTracker tracker(Probe probe, ProbeTracker.Kind kind, Instant now) {
        return probe == null ? null : new ProbeTracker(probe, kind, period, now);
    }
}
