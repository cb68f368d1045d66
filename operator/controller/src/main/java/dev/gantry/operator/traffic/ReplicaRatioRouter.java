package dev.gantry.operator.traffic;

import dev.gantry.operator.render.Labels;
import dev.gantry.operator.render.Names;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * No router object carries a weight: the stable Service {@code <name>} selects the pods of every live revision
 * and traffic follows ready pods. Also how a revision is replaced without a ModelRollout, like a Deployment's
 * rolling update. For a ModelRollout, weights 0 and 100 select exactly one revision, so that one change of the
 * Service's selector switches all traffic (blue-green), and retiring revisions never receive any.
 */
final class ReplicaRatioRouter implements TrafficRouter {

    static final ReplicaRatioRouter INSTANCE = new ReplicaRatioRouter();

    private ReplicaRatioRouter() {}

    @Override
    public dev.gantry.api.v1alpha1.rollout.TrafficRouter kind() {
        return dev.gantry.api.v1alpha1.rollout.TrafficRouter.ReplicaRatio;
    }

    @Override
    public Map<String, String> stableServiceSelector(String md, TrafficSplit split) {
        if (split.steady()) {
            return Labels.revisionPods(md, split.stableRevision());
        }
        if (split.fromRollout() && selectsOneRevision(split)) {
            return Labels.revisionPods(
                    md, split.candidateWeight() == 100 ? split.candidateRevision() : split.stableRevision());
        }
        return Labels.runtimePods(md);
    }

    /** A rollout's split with no candidate, or a weight of 0 or 100, routes to exactly one revision. */
    private static boolean selectsOneRevision(TrafficSplit split) {
        return !split.hasCandidate() || split.candidateWeight() == 0 || split.candidateWeight() == 100;
    }

    @Override
    public List<WeightedBackend> routeBackends(String md, TrafficSplit split) {
        var service = split.steady() ? Names.revision(md, split.stableRevision()) : Names.stableService(md);
        return List.of(new WeightedBackend(service, 100));
    }

    @Override
    public Optional<WeightedBackend> canaryIngressBackend(String md, TrafficSplit split) {
        return Optional.empty();
    }

    @Override
    public Map<String, Integer> trafficPercent(TrafficSplit split, Map<String, Integer> readyPods) {
        if (split.fromRollout() && selectsOneRevision(split)) {
            return Shares.byWeight(split);
        }
        var counts = new LinkedHashMap<String, Integer>();
        for (var revision : split.liveRevisions()) {
            boolean serves = !split.fromRollout()
                    || revision.equals(split.stableRevision())
                    || revision.equals(split.candidateRevision());
            counts.put(revision, serves ? readyPods.getOrDefault(revision, 0) : 0);
        }
        return Shares.percentages(counts, split.stableRevision());
    }

    @Override
    public String weightNote(TrafficSplit split, Map<String, Integer> readyPods) {
        if (split.steady()) {
            return "all traffic to the stable revision";
        }
        if (split.fromRollout() && selectsOneRevision(split)) {
            return split.hasCandidate() && split.candidateWeight() == 100
                    ? "Service selects only the candidate's pods"
                    : "Service selects only the stable revision's pods";
        }
        var percent = trafficPercent(split, readyPods);
        int total = split.liveRevisions().stream()
                .mapToInt(r -> readyPods.getOrDefault(r, 0))
                .sum();
        var candidate = split.hasCandidate() ? split.candidateRevision() : split.stableRevision();
        return "replica ratio: " + readyPods.getOrDefault(candidate, 0) + " of " + total
                + " ready pods run the candidate (" + percent.getOrDefault(candidate, 0) + "%)";
    }
}
