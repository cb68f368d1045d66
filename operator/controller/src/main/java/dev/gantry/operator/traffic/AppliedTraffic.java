package dev.gantry.operator.traffic;

import dev.gantry.operator.render.Labels;
import dev.gantry.operator.render.Names;
import dev.gantry.operator.render.RoutingObjects;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads back the share of traffic a revision receives from the router objects as they are on the cluster, so
 * that the weight a rollout reports is the weight actually applied, not the weight it asked for.
 *
 * @param md the ModelDeployment's name
 * @param stableService the Service {@code <name>}, or {@code null}
 * @param route the HTTPRoute {@code <name>}, or {@code null}
 * @param canaryIngress the Ingress {@code <name>-canary}, or {@code null}
 * @param readyPods ready pods per revision, for a Service that selects every revision
 */
public record AppliedTraffic(
        String md, Service stableService, HTTPRoute route, Ingress canaryIngress, Map<String, Integer> readyPods) {

    /** Percentage of the router's traffic that reaches {@code revision}, or empty when nothing routes yet. */
    public Optional<Integer> share(dev.gantry.api.v1alpha1.rollout.TrafficRouter router, String revision) {
        return switch (router) {
            case GatewayAPI -> route != null ? routeShare(revision) : serviceShare(revision);
            case IngressNginx -> ingressShare(revision);
            case ReplicaRatio -> serviceShare(revision);
        };
    }

    private Optional<Integer> routeShare(String revision) {
        var rules = route.getSpec() == null ? null : route.getSpec().getRules();
        if (rules == null || rules.isEmpty() || rules.get(0).getBackendRefs() == null) {
            return Optional.empty();
        }
        int total = 0;
        int mine = 0;
        for (var backend : rules.get(0).getBackendRefs()) {
            int weight = backend.getWeight() == null ? 1 : backend.getWeight();
            total += weight;
            if (Names.revision(md, revision).equals(backend.getName())) {
                mine += weight;
            } else if (Names.stableService(md).equals(backend.getName())) {
                mine += serviceShare(revision).orElse(0) * weight / 100;
            }
        }
        return Optional.of(total == 0 ? 0 : Math.round(100f * mine / total));
    }

    private Optional<Integer> ingressShare(String revision) {
        int canaryWeight = 0;
        String canaryService = null;
        if (canaryIngress != null) {
            canaryService = canaryBackend(canaryIngress);
            var annotations = canaryIngress.getMetadata().getAnnotations();
            if (annotations != null && "true".equals(annotations.get(RoutingObjects.CANARY_ANNOTATION))) {
                canaryWeight = parse(annotations.get(RoutingObjects.CANARY_WEIGHT_ANNOTATION));
            }
        }
        if (Names.revision(md, revision).equals(canaryService)) {
            return Optional.of(canaryWeight);
        }
        int stableShare = 100 - canaryWeight;
        return serviceShare(revision).map(share -> share * stableShare / 100);
    }

    private Optional<Integer> serviceShare(String revision) {
        if (stableService == null
                || stableService.getSpec() == null
                || stableService.getSpec().getSelector() == null) {
            return Optional.empty();
        }
        var selected = stableService.getSpec().getSelector().get(Labels.REVISION);
        if (selected != null) {
            return Optional.of(selected.equals(revision) ? 100 : 0);
        }
        int all = readyPods.values().stream().mapToInt(Integer::intValue).sum();
        return Optional.of(all == 0 ? 0 : Math.round(100f * readyPods.getOrDefault(revision, 0) / all));
    }

    private static String canaryBackend(Ingress ingress) {
        if (ingress.getSpec() == null || ingress.getSpec().getRules() == null) {
            return null;
        }
        return ingress.getSpec().getRules().stream()
                .filter(r -> r.getHttp() != null && r.getHttp().getPaths() != null)
                .flatMap(r -> r.getHttp().getPaths().stream())
                .map(p -> p.getBackend() == null || p.getBackend().getService() == null
                        ? null
                        : p.getBackend().getService().getName())
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
    }

    private static int parse(String weight) {
        try {
            return weight == null ? 0 : Math.max(0, Math.min(100, Integer.parseInt(weight.trim())));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
