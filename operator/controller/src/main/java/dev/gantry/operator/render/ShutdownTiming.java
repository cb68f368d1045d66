package dev.gantry.operator.render;

/**
 * How {@code spec.runtime.shutdown.gracePeriod} is spent when a pod stops: the kubelet's grace period is the
 * whole budget; a short preStop pause lets Services and gateways stop sending new requests; the runtime drains
 * in-flight requests in what remains, keeping a second to exit.
 *
 * @param terminationGracePeriodSeconds the pod's grace period
 * @param preStopSleepSeconds pause before SIGTERM, while endpoints are withdrawn
 * @param drainSeconds the runtime's {@code GANTRY_SHUTDOWN_GRACE}
 */
public record ShutdownTiming(long terminationGracePeriodSeconds, long preStopSleepSeconds, long drainSeconds) {

    private static final long MAX_PRE_STOP_SECONDS = 5;

    public static ShutdownTiming of(String gracePeriod) {
        long total = Math.max(2, Durations.seconds(gracePeriod));
        long preStop = Math.min(MAX_PRE_STOP_SECONDS, Math.max(1, total / 4));
        long drain = Math.max(1, total - preStop - 1);
        return new ShutdownTiming(total, preStop, drain);
    }
}
