package dev.gantry.operator.modeldeployment;

import dev.gantry.api.v1alpha1.ModelDeployment;
import dev.gantry.api.v1alpha1.deployment.UpdateStrategySpec;
import dev.gantry.operator.traffic.DirectReplacement;
import dev.gantry.operator.traffic.RevisionPods;
import dev.gantry.operator.traffic.TrafficSplit;
import dev.gantry.operator.traffic.TrafficSplitSource;
import java.util.Map;

/**
 * Decides the traffic split of a reconcile: the one a ModelRollout asks for when it drives the ModelDeployment,
 * else the next step of a direct replacement (which is "all traffic to stable" once nothing is replaced).
 */
final class RevisionPlanner {

    /**
     * @param split the split to apply
     * @param replacementReplicas with autoscaling, the pod count a direct replacement moves, else {@code null}
     */
    record Planned(TrafficSplit split, Integer replacementReplicas) {}

    private RevisionPlanner() {}

    static Planned plan(
            ModelDeployment md, String currentRevision, ObservedState observed, TrafficSplitSource rollouts) {
        var stable = md.getStatus() == null ? null : md.getStatus().getStableRevision();
        var pods = observed.revisionPods();
        var renderable = observed.snapshots();
        // A rollout's split may name a revision whose snapshot is gone (its objects deleted by hand, the spec moved
        // on): that revision is left out rather than handing the ModelDeployment to a direct replacement.
        var fromRollout = rollouts.rolloutSplit(md, currentRevision, stable, pods, observed.rollouts())
                .flatMap(split -> split.restrictTo(r -> r.equals(currentRevision) || renderable.containsKey(r)));
        if (fromRollout.isPresent()) {
            return new Planned(fromRollout.get(), null);
        }
        int desired = desiredReplicas(md, currentRevision, stable, observed);
        var strategy = md.getSpec().getUpdateStrategy() == null
                ? new UpdateStrategySpec()
                : md.getSpec().getUpdateStrategy();
        var split = DirectReplacement.plan(
                stable != null && pods.containsKey(stable) ? stable : null,
                currentRevision,
                desired,
                strategy.getMaxSurge(),
                strategy.getMaxUnavailable(),
                pods);
        var autoscaling = md.getSpec().getAutoscaling() != null;
        if (split.steady() && autoscaling && !pods.containsKey(split.stableRevision())) {
            // A new Deployment starts at the autoscaler's floor rather than at one pod.
            split = new TrafficSplit(split.stableRevision(), null, 0, desired, null, Map.of(), split.router(), null);
        }
        return new Planned(split, autoscaling && !split.steady() ? desired : null);
    }

    /** Pods that should serve: the spec's count, or with autoscaling the count the autoscaler had reached. */
    static int desiredReplicas(ModelDeployment md, String current, String stable, ObservedState observed) {
        var autoscaling = md.getSpec().getAutoscaling();
        if (autoscaling == null) {
            return md.getSpec().getReplicas() == null ? 1 : md.getSpec().getReplicas();
        }
        int reached = observed.replacementReplicas(current)
                .orElseGet(() -> stable == null
                        ? autoscaling.getMinReplicas()
                        : observed.revisionPods()
                                .getOrDefault(stable, new RevisionPods(autoscaling.getMinReplicas(), 0))
                                .replicas());
        return Math.max(autoscaling.getMinReplicas(), Math.min(autoscaling.getMaxReplicas(), reached));
    }
}
