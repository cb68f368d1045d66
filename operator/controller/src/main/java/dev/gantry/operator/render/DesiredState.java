package dev.gantry.operator.render;

import dev.gantry.operator.cache.ManagedCacheObjects;
import dev.gantry.operator.traffic.TrafficSplit;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every child a ModelDeployment should have, as rendered for one reconcile. Per-revision objects are keyed by
 * revision; an empty optional means the child must not exist.
 */
public record DesiredState(
        String currentRevision,
        TrafficSplit split,
        Optional<ServiceAccount> serviceAccount,
        Map<String, ConfigMap> runtimeConfigs,
        Map<String, Deployment> runtimeDeployments,
        Map<String, Service> revisionServices,
        Service stableService,
        Optional<Service> previewService,
        Optional<HorizontalPodAutoscaler> autoscaler,
        Optional<PodDisruptionBudget> disruptionBudget,
        Optional<Ingress> ingress,
        Optional<Ingress> canaryIngress,
        Optional<HTTPRoute> httpRoute,
        Optional<ManagedCacheObjects> cache) {

    /** All children in the order a person reads them (and {@code kubectl apply} would create them). */
    public List<HasMetadata> all() {
        var all = new ArrayList<HasMetadata>();
        serviceAccount.ifPresent(all::add);
        cache.ifPresent(c -> all.addAll(c.all()));
        all.addAll(runtimeConfigs.values());
        all.add(stableService);
        previewService.ifPresent(all::add);
        all.addAll(revisionServices.values());
        all.addAll(runtimeDeployments.values());
        autoscaler.ifPresent(all::add);
        disruptionBudget.ifPresent(all::add);
        ingress.ifPresent(all::add);
        canaryIngress.ifPresent(all::add);
        httpRoute.ifPresent(all::add);
        return all;
    }
}
