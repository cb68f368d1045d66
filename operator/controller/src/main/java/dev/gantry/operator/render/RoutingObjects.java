package dev.gantry.operator.render;

import dev.gantry.api.v1alpha1.ModelDeployment;
import dev.gantry.api.v1alpha1.deployment.GatewayParentRef;
import dev.gantry.api.v1alpha1.deployment.IngressSpec;
import dev.gantry.operator.traffic.TrafficRouter;
import dev.gantry.operator.traffic.TrafficSplit;
import dev.gantry.operator.traffic.WeightedBackend;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPBackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPBackendRefBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ParentReference;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ParentReferenceBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The objects that carry traffic in: the stable Service, the Ingresses and the HTTPRoute. */
public final class RoutingObjects {

    public static final String CANARY_ANNOTATION = "nginx.ingress.kubernetes.io/canary";
    public static final String CANARY_WEIGHT_ANNOTATION = "nginx.ingress.kubernetes.io/canary-weight";
    /** Marks a blue-green preview Service, whose name the ModelRollout chooses. */
    public static final String PREVIEW_LABEL = "gantry.dev/preview";

    private RoutingObjects() {}

    public static Service stableService(ModelDeployment md, TrafficSplit split) {
        var name = md.getMetadata().getName();
        var service = md.getSpec().getService();
        var meta = ChildMeta.builder(md, Names.stableService(name), Labels.of(name, Labels.Component.ROUTING));
        if (service != null
                && service.getAnnotations() != null
                && !service.getAnnotations().isEmpty()) {
            meta.withAnnotations(new LinkedHashMap<>(service.getAnnotations()));
        }
        return new ServiceBuilder()
                .withMetadata(meta.build())
                .withNewSpec()
                .withType(
                        service == null || service.getType() == null
                                ? "ClusterIP"
                                : service.getType().name())
                .withSelector(router(split).stableServiceSelector(name, split))
                .addNewPort()
                .withName("http")
                .withPort(RevisionObjects.servicePort(service))
                .withTargetPort(new IntOrString("http"))
                .withProtocol("TCP")
                .endPort()
                .endSpec()
                .build();
    }

    /** The Service that reaches only a blue-green candidate, while the split names one. */
    public static Optional<Service> previewService(ModelDeployment md, TrafficSplit split) {
        if (split.previewService() == null || !split.hasCandidate()) {
            return Optional.empty();
        }
        var name = md.getMetadata().getName();
        var labels = Labels.of(name, Labels.Component.ROUTING);
        labels.put(PREVIEW_LABEL, "true");
        return Optional.of(new ServiceBuilder()
                .withMetadata(ChildMeta.of(md, split.previewService(), labels))
                .withNewSpec()
                .withType("ClusterIP")
                .withSelector(Labels.revisionPods(name, split.candidateRevision()))
                .addNewPort()
                .withName("http")
                .withPort(RevisionObjects.servicePort(md.getSpec().getService()))
                .withTargetPort(new IntOrString("http"))
                .withProtocol("TCP")
                .endPort()
                .endSpec()
                .build());
    }

    public static Optional<Ingress> ingress(ModelDeployment md) {
        var spec = md.getSpec().getIngress();
        if (spec == null) {
            return Optional.empty();
        }
        var name = md.getMetadata().getName();
        var annotations = spec.getAnnotations() == null ? Map.<String, String>of() : spec.getAnnotations();
        return Optional.of(ingress(md, Names.ingress(name), spec, Names.stableService(name), annotations, true));
    }

    /** The ingress-nginx canary beside the main Ingress, when the router sends the candidate a share. */
    public static Optional<Ingress> canaryIngress(ModelDeployment md, TrafficSplit split) {
        var spec = md.getSpec().getIngress();
        if (spec == null) {
            return Optional.empty();
        }
        var name = md.getMetadata().getName();
        return router(split).canaryIngressBackend(name, split).map(backend -> {
            var annotations = new LinkedHashMap<String, String>();
            if (spec.getAnnotations() != null) {
                annotations.putAll(spec.getAnnotations());
            }
            annotations.put(CANARY_ANNOTATION, "true");
            annotations.put(CANARY_WEIGHT_ANNOTATION, String.valueOf(backend.weight()));
            return ingress(md, Names.canaryIngress(name), spec, backend.service(), annotations, false);
        });
    }

    private static Ingress ingress(
            ModelDeployment md,
            String ingressName,
            IngressSpec spec,
            String service,
            Map<String, String> annotations,
            boolean withTls) {
        var name = md.getMetadata().getName();
        var meta = ChildMeta.builder(md, ingressName, Labels.of(name, Labels.Component.ROUTING));
        if (!annotations.isEmpty()) {
            meta.withAnnotations(new LinkedHashMap<>(annotations));
        }
        var builder = new IngressBuilder()
                .withMetadata(meta.build())
                .withNewSpec()
                .withIngressClassName(spec.getClassName())
                .addNewRule()
                .withHost(spec.getHost())
                .withNewHttp()
                .addNewPath()
                .withPath(spec.getPath())
                .withPathType(spec.getPathType().name())
                .withNewBackend()
                .withNewService()
                .withName(service)
                .withNewPort()
                .withName("http")
                .endPort()
                .endService()
                .endBackend()
                .endPath()
                .endHttp()
                .endRule()
                .endSpec();
        if (withTls && spec.getTls() != null) {
            builder.editSpec()
                    .addNewTl()
                    .withHosts(spec.getHost())
                    .withSecretName(spec.getTls().getSecretName())
                    .endTl()
                    .endSpec();
        }
        return builder.build();
    }

    public static Optional<HTTPRoute> httpRoute(ModelDeployment md, TrafficSplit split) {
        var gateway = md.getSpec().getGateway();
        if (gateway == null) {
            return Optional.empty();
        }
        var name = md.getMetadata().getName();
        int port = RevisionObjects.servicePort(md.getSpec().getService());
        List<HTTPBackendRef> backends = router(split).routeBackends(name, split).stream()
                .map(backend -> backendRef(backend, port))
                .toList();
        return Optional.of(new HTTPRouteBuilder()
                .withMetadata(ChildMeta.of(md, Names.httpRoute(name), Labels.of(name, Labels.Component.ROUTING)))
                .withNewSpec()
                .withParentRefs(gateway.getParentRefs().stream()
                        .map(RoutingObjects::parentRef)
                        .toList())
                .withHostnames(gateway.getHostnames())
                .addNewRule()
                .addNewMatch()
                .withNewPath()
                .withType("PathPrefix")
                .withValue(gateway.getPath())
                .endPath()
                .endMatch()
                .withBackendRefs(backends)
                .endRule()
                .endSpec()
                .build());
    }

    private static HTTPBackendRef backendRef(WeightedBackend backend, int port) {
        return new HTTPBackendRefBuilder()
                .withKind("Service")
                .withName(backend.service())
                .withPort(port)
                .withWeight(backend.weight())
                .build();
    }

    private static ParentReference parentRef(GatewayParentRef ref) {
        return new ParentReferenceBuilder()
                .withGroup("gateway.networking.k8s.io")
                .withKind("Gateway")
                .withName(ref.getName())
                .withNamespace(ref.getNamespace())
                .withSectionName(ref.getSectionName())
                .withPort(ref.getPort())
                .build();
    }

    static TrafficRouter router(TrafficSplit split) {
        return TrafficRouter.of(split.router());
    }
}
