package dev.gantry.local.node;

import java.time.Instant;

/**
 * One container's state at a moment, in the kubelet's terms.
 *
 * @param waitingReason set while waiting: {@code ContainerCreating}, {@code CrashLoopBackOff},
 *     {@code CreateContainerConfigError}, {@code ErrImagePull} ...
 * @param runningSince set while running
 * @param lastTermination how the previous run ended, if it did
 */
record ContainerSnapshot(
        String name,
        String image,
        String waitingReason,
        String waitingMessage,
        Instant runningSince,
        boolean ready,
        boolean started,
        int restartCount,
        Termination lastTermination,
        Termination terminated,
        Long pid) {

    /** How a run ended: exit code, the kubelet's reason ({@code Completed}, {@code Error}) and its times. */
    record Termination(int exitCode, String reason, Instant startedAt, Instant finishedAt) {}

    boolean running() {
        return runningSince != null;
    }
}
