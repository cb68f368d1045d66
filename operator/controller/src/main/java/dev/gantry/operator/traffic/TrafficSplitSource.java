package dev.gantry.operator.traffic;

import dev.gantry.api.v1alpha1.ModelDeployment;
import dev.gantry.api.v1alpha1.ModelRollout;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a ModelRollout's wishes enter the ModelDeployment controller: the split it wrote into its own status.
 * Empty means no rollout drives this ModelDeployment, and the controller replaces revisions directly.
 */
public interface TrafficSplitSource {

    /**
     * @param md the ModelDeployment being reconciled
     * @param currentRevision the revision of its current spec
     * @param stableRevision the stable revision recorded in its status, or {@code null}
     * @param observed pods of every revision that has a Deployment
     * @param rollouts the ModelRollouts in the ModelDeployment's namespace that target it, as the informer holds
     *     them
     */
    Optional<TrafficSplit> rolloutSplit(
            ModelDeployment md,
            String currentRevision,
            String stableRevision,
            Map<String, RevisionPods> observed,
            List<ModelRollout> rollouts);

    /** The source while no ModelRollout controller runs: nothing ever overrides a direct replacement. */
    TrafficSplitSource NONE = (md, current, stable, observed, rollouts) -> Optional.empty();
}
