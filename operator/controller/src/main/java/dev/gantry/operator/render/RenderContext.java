package dev.gantry.operator.render;

import dev.gantry.operator.traffic.TrafficSplit;
import java.util.Map;
import java.util.Objects;

/**
 * Inputs of the rendering besides the ModelDeployment itself, each explicit so that rendering stays pure.
 *
 * @param defaults operator-wide settings (default images, runtime log format)
 * @param split the traffic split to apply
 * @param knownRevisions snapshots of live revisions other than the current spec's, read back from the cluster
 * @param cachePassword the managed Redis password: the existing one, a fresh one on first creation, or a
 *     placeholder when rendering offline
 * @param replacementReplicas with autoscaling, the pod count a direct replacement moves to the new revision,
 *     recorded on it so that the count survives restarts; {@code null} otherwise
 */
public record RenderContext(
        OperatorDefaults defaults,
        TrafficSplit split,
        Map<String, RevisionSpec> knownRevisions,
        String cachePassword,
        Integer replacementReplicas) {

    /** Stands in for the generated password where no cluster is involved. */
    public static final String OFFLINE_PASSWORD = "generated-by-the-operator-on-first-apply";

    public RenderContext {
        Objects.requireNonNull(defaults, "defaults");
        Objects.requireNonNull(split, "split");
        knownRevisions = knownRevisions == null ? Map.of() : Map.copyOf(knownRevisions);
        Objects.requireNonNull(cachePassword, "cachePassword");
    }

    /** What the render command uses: no cluster, so everything goes to the current revision. */
    public static RenderContext offline(OperatorDefaults defaults, String currentRevision) {
        return new RenderContext(defaults, TrafficSplit.allToStable(currentRevision), Map.of(), OFFLINE_PASSWORD, null);
    }
}
