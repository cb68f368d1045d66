package dev.gantry.operator.traffic;

import dev.gantry.operator.render.Labels;
import dev.gantry.operator.render.Names;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The legacy router: a second Ingress {@code <name>-canary} with ingress-nginx's canary annotations sends the
 * candidate's share to its revision Service; the main Ingress and the HTTPRoute keep pointing at stable.
 */
final class IngressNginxRouter implements TrafficRouter {

    static final IngressNginxRouter INSTANCE = new IngressNginxRouter();

    private IngressNginxRouter() {}

    @Override
    public dev.gantry.api.v1alpha1.rollout.TrafficRouter kind() {
        return dev.gantry.api.v1alpha1.rollout.TrafficRouter.IngressNginx;
    }

    @Override
    public Map<String, String> stableServiceSelector(String md, TrafficSplit split) {
        return Labels.revisionPods(md, split.stableRevision());
    }

    @Override
    public List<WeightedBackend> routeBackends(String md, TrafficSplit split) {
        return List.of(new WeightedBackend(Names.revision(md, split.stableRevision()), 100));
    }

    @Override
    public Optional<WeightedBackend> canaryIngressBackend(String md, TrafficSplit split) {
        if (!split.hasCandidate()) {
            return Optional.empty();
        }
        return Optional.of(new WeightedBackend(Names.revision(md, split.candidateRevision()), split.candidateWeight()));
    }

    @Override
    public Map<String, Integer> trafficPercent(TrafficSplit split, Map<String, Integer> readyPods) {
        return Shares.byWeight(split);
    }

    @Override
    public String weightNote(TrafficSplit split, Map<String, Integer> readyPods) {
        return split.hasCandidate()
                ? "ingress-nginx canary-weight " + split.candidateWeight() + " on Ingress traffic"
                : "Ingress: all traffic to the stable revision";
    }
}
