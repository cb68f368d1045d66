package dev.gantry.local.node;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A Deployment's status as the Deployment controller writes it: pod counts, the generation it acted on, and the
 * Available and Progressing conditions with Kubernetes' reasons (MinimumReplicasAvailable, NewReplicaSetAvailable,
 * ReplicaSetUpdated, ProgressDeadlineExceeded). Transition times move only when a condition's status changes.
 */
final class DeploymentStatuses {

    /** Pod counts of one Deployment. */
    record Counts(int replicas, int updated, int ready, int oldPods) {}

    private DeploymentStatuses() {}

    /**
     * @param lastProgress when the counts last changed (the progress deadline counts from it)
     */
    static DeploymentStatus compute(
            Deployment deployment, Counts counts, int maxUnavailable, Instant lastProgress, Instant now) {
        var spec = deployment.getSpec();
        int desired = spec.getReplicas() == null ? 1 : spec.getReplicas();
        var previous = deployment.getStatus();
        boolean available = counts.ready() >= desired - maxUnavailable;
        boolean complete = counts.updated() == desired
                && counts.replicas() == desired
                && counts.ready() == desired
                && counts.oldPods() == 0;
        int deadline = spec.getProgressDeadlineSeconds() == null ? 600 : spec.getProgressDeadlineSeconds();
        boolean stalled = !complete && Duration.between(lastProgress, now).getSeconds() > deadline;
        var name = deployment.getMetadata().getName();
        var availableCondition = condition(
                previous,
                "Available",
                available,
                available ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable",
                available ? "Deployment has minimum availability." : "Deployment does not have minimum availability.",
                now);
        var progressing = condition(
                previous,
                "Progressing",
                !stalled,
                complete ? "NewReplicaSetAvailable" : stalled ? "ProgressDeadlineExceeded" : "ReplicaSetUpdated",
                complete
                        ? "ReplicaSet \"" + name + "\" has successfully progressed."
                        : stalled
                                ? "ReplicaSet \"" + name + "\" has timed out progressing."
                                : "ReplicaSet \"" + name + "\" is progressing.",
                now);
        return new DeploymentStatusBuilder()
                .withObservedGeneration(deployment.getMetadata().getGeneration())
                .withReplicas(counts.replicas())
                .withUpdatedReplicas(counts.updated())
                .withReadyReplicas(counts.ready())
                .withAvailableReplicas(counts.ready())
                .withUnavailableReplicas(Math.max(0, desired - counts.ready()))
                .withConditions(availableCondition, progressing)
                .build();
    }

    private static DeploymentCondition condition(
            DeploymentStatus previous, String type, boolean status, String reason, String message, Instant now) {
        var value = status ? "True" : "False";
        var before = previous == null || previous.getConditions() == null
                ? null
                : previous.getConditions().stream()
                        .filter(c -> type.equals(c.getType()))
                        .findFirst()
                        .orElse(null);
        var transition = before != null && value.equals(before.getStatus()) && before.getLastTransitionTime() != null
                ? before.getLastTransitionTime()
                : now.toString();
        var updated = before != null && reason.equals(before.getReason()) && value.equals(before.getStatus())
                ? before.getLastUpdateTime()
                : now.toString();
        return new DeploymentCondition(transition, updated, message, reason, value, type);
    }

    /** Whether a status would change anything the API shows, ignoring nothing but object identity. */
    static boolean changed(DeploymentStatus before, DeploymentStatus after) {
        return !Objects.equals(before, after);
    }
}
