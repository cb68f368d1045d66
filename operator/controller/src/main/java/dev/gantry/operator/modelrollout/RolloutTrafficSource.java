package dev.gantry.operator.modelrollout;

import dev.gantry.api.v1alpha1.ModelDeployment;
import dev.gantry.api.v1alpha1.ModelRollout;
import dev.gantry.api.v1alpha1.rollout.RevisionReplicas;
import dev.gantry.api.v1alpha1.rollout.RolloutSplit;
import dev.gantry.api.v1alpha1.rollout.TrafficRouter;
import dev.gantry.operator.traffic.RevisionPods;
import dev.gantry.operator.traffic.TrafficSplit;
import dev.gantry.operator.traffic.TrafficSplitSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ModelDeployment controller's view of rollouts: the split the driving rollout wrote into its status. While a
 * rollout drives a ModelDeployment, nothing is ever replaced directly: until the rollout has decided, all traffic
 * stays on the stable revision.
 */
public final class RolloutTrafficSource implements TrafficSplitSource {

    @Override
    public Optional<TrafficSplit> rolloutSplit(
            ModelDeployment md,
            String currentRevision,
            String stableRevision,
            Map<String, RevisionPods> observed,
            List<ModelRollout> rollouts) {
        var owner = TargetClaims.owner(rollouts, md.getMetadata().getName());
        if (owner.isEmpty() || stableRevision == null) {
            return Optional.empty(); // the first revision needs no rollout
        }
        var name = owner.get().getMetadata().getName();
        var status = owner.get().getStatus();
        var split = status == null ? null : status.getSplit();
        if (split == null || split.getStableRevision() == null) {
            var active = currentRevision.equals(stableRevision) ? null : name;
            return Optional.of(
                    new TrafficSplit(stableRevision, null, 0, null, null, Map.of(), TrafficRouter.GatewayAPI, active));
        }
        var steady = split.getCandidateRevision() == null
                && (split.getRetiring() == null || split.getRetiring().isEmpty());
        var active = steady && currentRevision.equals(split.getStableRevision()) ? null : name;
        return Optional.of(toTrafficSplit(split, active));
    }

    /** The split a rollout's status asks for, as the ModelDeployment controller applies it. */
    static TrafficSplit toTrafficSplit(RolloutSplit split, String activeRollout) {
        var retiring = new LinkedHashMap<String, Integer>();
        if (split.getRetiring() != null) {
            for (RevisionReplicas r : split.getRetiring()) {
                if (r.getRevision() != null && !r.getRevision().equals(split.getStableRevision())) {
                    retiring.put(r.getRevision(), r.getReplicas() == null ? 0 : r.getReplicas());
                }
            }
        }
        var candidate = split.getCandidateRevision();
        return new TrafficSplit(
                split.getStableRevision(),
                candidate,
                candidate == null || split.getWeight() == null ? 0 : split.getWeight(),
                split.getStableReplicas(),
                candidate == null ? null : split.getCandidateReplicas() == null ? 1 : split.getCandidateReplicas(),
                retiring,
                split.getRouter() == null ? TrafficRouter.GatewayAPI : split.getRouter(),
                activeRollout,
                candidate == null ? null : split.getPreviewService());
    }
}
