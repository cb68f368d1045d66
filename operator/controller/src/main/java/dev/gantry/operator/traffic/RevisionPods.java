package dev.gantry.operator.traffic;

/**
 * Observed pods of one revision's Deployment.
 *
 * @param replicas the Deployment's {@code spec.replicas}
 * @param available pods available (ready for minReadySeconds), never counted above {@code replicas}
 */
public record RevisionPods(int replicas, int available) {

    public static final RevisionPods NONE = new RevisionPods(0, 0);

    public RevisionPods {
        replicas = Math.max(0, replicas);
        available = Math.max(0, Math.min(available, replicas));
    }

    int unavailable() {
        return replicas - available;
    }
}
