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
 * rolling update.
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
        return split.steady() ? Labels.revisionPods(md, split.stableRevision()) : Labels.runtimePods(md);
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
        var counts = new LinkedHashMap<String, Integer>();
        for (var revision : split.liveRevisions()) {
            counts.put(revision, readyPods.getOrDefault(revision, 0));
        }
        return Shares.percentages(counts, split.stableRevision());
    }

    @Override
    public String weightNote(TrafficSplit split, Map<String, Integer> readyPods) {
        if (split.steady()) {
            return "all traffic to the stable revision";
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
