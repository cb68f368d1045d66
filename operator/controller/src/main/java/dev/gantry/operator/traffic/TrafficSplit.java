package dev.gantry.operator.traffic;

import dev.gantry.api.v1alpha1.rollout.TrafficRouter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The traffic split the ModelDeployment controller applies: which revision is stable, which (if any) is the
 * candidate and the share of router traffic it gets, how many pods each runs, and which router applies it.
 * Without a ModelRollout it is "all traffic to stable", or the plan of a direct replacement.
 *
 * @param stableRevision the revision serving stable traffic
 * @param candidateRevision the revision being brought in, or {@code null}
 * @param candidateWeight percentage of router traffic sent to the candidate, 0 to 100
 * @param stableReplicas pods of the stable revision, or {@code null} to leave them to the spec or the HPA
 * @param candidateReplicas pods of the candidate; required when there is one
 * @param retiringReplicas other live revisions (no router weight) and their pods, e.g. during a scale-down delay
 * @param router how the weight is applied
 * @param activeRollout the ModelRollout that asked for this split, or {@code null}. A rollout's split sends traffic
 *     to the stable and candidate revisions only: retiring revisions keep their pods but get none
 * @param previewService name of a Service that reaches only the candidate (blue-green), or {@code null}
 */
public record TrafficSplit(
        String stableRevision,
        String candidateRevision,
        int candidateWeight,
        Integer stableReplicas,
        Integer candidateReplicas,
        Map<String, Integer> retiringReplicas,
        TrafficRouter router,
        String activeRollout,
        String previewService) {

    public TrafficSplit {
        Objects.requireNonNull(stableRevision, "stableRevision");
        Objects.requireNonNull(router, "router");
        if (candidateWeight < 0 || candidateWeight > 100) {
            throw new IllegalArgumentException("candidateWeight must be within 0..100: " + candidateWeight);
        }
        if (candidateRevision == null && candidateWeight != 0) {
            throw new IllegalArgumentException("a weight needs a candidate revision");
        }
        if (candidateRevision != null && candidateReplicas == null) {
            throw new IllegalArgumentException("a candidate needs a replica count");
        }
        if (candidateRevision != null && candidateRevision.equals(stableRevision)) {
            throw new IllegalArgumentException("the candidate must differ from the stable revision");
        }
        if (previewService != null && candidateRevision == null) {
            throw new IllegalArgumentException("a preview Service needs a candidate revision");
        }
        retiringReplicas = retiringReplicas == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(retiringReplicas));
    }

    /** A split without a preview Service. */
    public TrafficSplit(
            String stableRevision,
            String candidateRevision,
            int candidateWeight,
            Integer stableReplicas,
            Integer candidateReplicas,
            Map<String, Integer> retiringReplicas,
            TrafficRouter router,
            String activeRollout) {
        this(
                stableRevision,
                candidateRevision,
                candidateWeight,
                stableReplicas,
                candidateReplicas,
                retiringReplicas,
                router,
                activeRollout,
                null);
    }

    /** Everything to the stable revision at the replica count the spec (or the HPA) decides. */
    public static TrafficSplit allToStable(String stableRevision) {
        return new TrafficSplit(stableRevision, null, 0, null, null, Map.of(), TrafficRouter.GatewayAPI, null);
    }

    public boolean hasCandidate() {
        return candidateRevision != null;
    }

    public int stableWeight() {
        return 100 - candidateWeight;
    }

    /** Stable first, then the candidate, then retiring revisions in name order. */
    public List<String> liveRevisions() {
        var live = new ArrayList<String>();
        live.add(stableRevision);
        if (candidateRevision != null) {
            live.add(candidateRevision);
        }
        retiringReplicas.keySet().stream()
                .sorted()
                .filter(r -> !live.contains(r))
                .forEach(live::add);
        return live;
    }

    /**
     * This split without the revisions that cannot be rendered (no snapshot survives): a candidate that cannot be
     * rendered loses its weight, retiring ones are dropped. Empty when the stable revision itself cannot be.
     */
    public Optional<TrafficSplit> restrictTo(Predicate<String> renderable) {
        if (!renderable.test(stableRevision)) {
            return Optional.empty();
        }
        var retiring = new LinkedHashMap<String, Integer>();
        retiringReplicas.forEach((revision, replicas) -> {
            if (renderable.test(revision)) {
                retiring.put(revision, replicas);
            }
        });
        if (candidateRevision == null || renderable.test(candidateRevision)) {
            return Optional.of(new TrafficSplit(
                    stableRevision,
                    candidateRevision,
                    candidateWeight,
                    stableReplicas,
                    candidateReplicas,
                    retiring,
                    router,
                    activeRollout,
                    previewService));
        }
        return Optional.of(
                new TrafficSplit(stableRevision, null, 0, stableReplicas, null, retiring, router, activeRollout));
    }

    /** True when a ModelRollout asked for this split: then only stable and candidate receive traffic. */
    public boolean fromRollout() {
        return activeRollout != null;
    }

    /** True when only one revision is live: every router then renders the same objects. */
    public boolean steady() {
        return liveRevisions().size() == 1;
    }
}
