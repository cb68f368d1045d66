package dev.gantry.operator.analysis;

import io.fabric8.kubernetes.api.model.Pod;
import java.time.Instant;
import java.util.List;

/**
 * One measurement interval of one analysis, with what providers need to know about the rollout.
 *
 * @param rolloutUid identifies the rollout across renames of nothing: baselines are kept per rollout
 * @param rollout the ModelRollout's name
 * @param namespace its namespace (and the ModelDeployment's)
 * @param modelDeployment the target's name ({@code {{name}}} in Prometheus queries)
 * @param analysis which analysis: {@code step 3}, {@code prePromotion}, {@code postPromotion}
 * @param revision the revision measured ({@code {{revision}}})
 * @param stableRevision the rollout's stable revision
 * @param candidateRevision the rollout's candidate revision
 * @param weight the candidate's weight as applied
 * @param strategy {@code Canary} or {@code BlueGreen}
 * @param start when the interval started
 * @param end when it is measured
 * @param pods the measured revision's pods; built-in metrics read the ready ones
 */
public record WindowContext(
        String rolloutUid,
        String rollout,
        String namespace,
        String modelDeployment,
        String analysis,
        String revision,
        String stableRevision,
        String candidateRevision,
        Integer weight,
        String strategy,
        Instant start,
        Instant end,
        List<Pod> pods) {

    String baselineKey() {
        return rolloutUid + "|" + analysis + "|" + revision + "|" + start;
    }
}
