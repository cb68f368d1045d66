package dev.gantry.operator.traffic;

import dev.gantry.operator.render.Labels;
import dev.gantry.operator.render.Names;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The primary router: the HTTPRoute {@code <name>} holds one weighted backendRef per revision Service. */
final class GatewayApiRouter implements TrafficRouter {

    static final GatewayApiRouter INSTANCE = new GatewayApiRouter();

    private GatewayApiRouter() {}

    @Override
    public dev.gantry.api.v1alpha1.rollout.TrafficRouter kind() {
        return dev.gantry.api.v1alpha1.rollout.TrafficRouter.GatewayAPI;
    }

    @Override
    public Map<String, String> stableServiceSelector(String md, TrafficSplit split) {
        return Labels.revisionPods(md, split.stableRevision());
    }

    @Override
    public List<WeightedBackend> routeBackends(String md, TrafficSplit split) {
        var stable = new WeightedBackend(Names.revision(md, split.stableRevision()), split.stableWeight());
        if (!split.hasCandidate()) {
            return List.of(stable);
        }
        return List.of(
                stable, new WeightedBackend(Names.revision(md, split.candidateRevision()), split.candidateWeight()));
    }

    @Override
    public Optional<WeightedBackend> canaryIngressBackend(String md, TrafficSplit split) {
        return Optional.empty();
    }

    @Override
    public Map<String, Integer> trafficPercent(TrafficSplit split, Map<String, Integer> readyPods) {
        return Shares.byWeight(split);
    }

    @Override
    public String weightNote(TrafficSplit split, Map<String, Integer> readyPods) {
        return split.hasCandidate()
                ? "HTTPRoute weights: stable " + split.stableWeight() + ", candidate " + split.candidateWeight()
                : "HTTPRoute: all traffic to the stable revision";
    }
}
