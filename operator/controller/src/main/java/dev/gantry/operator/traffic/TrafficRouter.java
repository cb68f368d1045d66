package dev.gantry.operator.traffic;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One way of applying a {@link TrafficSplit} to the router objects. The ModelDeployment controller is their
 * only writer; a router only decides selectors, backends and weights, and says which weight is in effect.
 */
public interface TrafficRouter {

    /** Which router this is, as named in {@code ModelRollout.spec.strategy.canary.trafficRouter}. */
    dev.gantry.api.v1alpha1.rollout.TrafficRouter kind();

    /** The pods the stable Service {@code <name>} selects. */
    Map<String, String> stableServiceSelector(String md, TrafficSplit split);

    /** The backendRefs of the HTTPRoute {@code <name>}, with their weights. */
    List<WeightedBackend> routeBackends(String md, TrafficSplit split);

    /** The backend of the ingress-nginx canary Ingress {@code <name>-canary}, when this router uses one. */
    Optional<WeightedBackend> canaryIngressBackend(String md, TrafficSplit split);

    /**
     * Share of traffic each live revision receives as applied, given each revision's ready pods.
     *
     * @param readyPods ready pods per live revision
     * @return percentages per live revision, summing to 100
     */
    Map<String, Integer> trafficPercent(TrafficSplit split, Map<String, Integer> readyPods);

    /** How the weight is realised, for humans (the ModelRollout's {@code status.weightNote}). */
    String weightNote(TrafficSplit split, Map<String, Integer> readyPods);

    static TrafficRouter of(dev.gantry.api.v1alpha1.rollout.TrafficRouter kind) {
        return switch (kind) {
            case GatewayAPI -> GatewayApiRouter.INSTANCE;
            case IngressNginx -> IngressNginxRouter.INSTANCE;
            case ReplicaRatio -> ReplicaRatioRouter.INSTANCE;
        };
    }
}
