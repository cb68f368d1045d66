package dev.gantry.local.endpoints;

import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The endpoints of Services, read from the API as kube-proxy and gateways read EndpointSlices: the ready pods a
 * Service's selector picks (not terminating), and the loopback host port each pod listens on for the Service's
 * target port. Pods without a host port for it are skipped.
 */
public final class ServiceEndpoints implements AutoCloseable {

    private final SharedIndexInformer<Service> services;
    private final SharedIndexInformer<Pod> pods;

    private ServiceEndpoints(SharedIndexInformer<Service> services, SharedIndexInformer<Pod> pods) {
        this.services = services;
        this.pods = pods;
    }

    /** Watches Services and pods in every namespace. */
    public static ServiceEndpoints watch(KubernetesClient client) {
        return new ServiceEndpoints(
                client.services().inAnyNamespace().inform(),
                client.pods().inAnyNamespace().inform());
    }

    public Optional<Service> service(String namespace, String name) {
        return Optional.ofNullable(services.getStore().getByKey(Cache.namespaceKeyFunc(namespace, name)));
    }

    public Optional<Pod> pod(String namespace, String name) {
        return Optional.ofNullable(pods.getStore().getByKey(Cache.namespaceKeyFunc(namespace, name)));
    }

    /** Ready endpoints of a Service port (its {@code port}; the first port when {@code servicePort} is null). */
    public List<Endpoint> ready(String namespace, String service, Integer servicePort) {
        var found = service(namespace, service);
        if (found.isEmpty()) {
            return List.of();
        }
        var port = servicePort(found.get(), servicePort);
        var selector = found.get().getSpec().getSelector();
        if (port.isEmpty() || selector == null || selector.isEmpty()) {
            return List.of();
        }
        var result = new ArrayList<Endpoint>();
        for (var pod : pods.getStore().list()) {
            if (namespace.equals(pod.getMetadata().getNamespace()) && selects(selector, pod) && isReady(pod)) {
                hostPort(
                                pod,
                                port.get().getTargetPort() == null
                                        ? new IntOrString(port.get().getPort())
                                        : port.get().getTargetPort())
                        .ifPresent(p -> result.add(
                                new Endpoint(namespace, pod.getMetadata().getName(), p)));
            }
        }
        result.sort(java.util.Comparator.comparing(Endpoint::pod));
        return result;
    }

    /** A pod's own endpoint, ready or not: the host port of {@code containerPort}, or of its first port. */
    public Optional<Endpoint> podEndpoint(String namespace, String name, Integer containerPort) {
        return pod(namespace, name).flatMap(pod -> {
            var target = containerPort == null ? firstPort(pod) : Optional.of(new IntOrString(containerPort));
            return target.flatMap(t -> hostPort(pod, t)).map(p -> new Endpoint(namespace, name, p));
        });
    }

    public static boolean isReady(Pod pod) {
        if (pod.getMetadata().getDeletionTimestamp() != null || pod.getStatus() == null) {
            return false;
        }
        var conditions = pod.getStatus().getConditions();
        return conditions != null
                && conditions.stream().anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    static boolean selects(Map<String, String> selector, Pod pod) {
        var labels = pod.getMetadata().getLabels();
        return labels != null && labels.entrySet().containsAll(selector.entrySet());
    }

    private static Optional<ServicePort> servicePort(Service service, Integer port) {
        var ports = service.getSpec().getPorts();
        if (ports == null || ports.isEmpty()) {
            return Optional.empty();
        }
        return port == null
                ? Optional.of(ports.get(0))
                : ports.stream().filter(p -> port.equals(p.getPort())).findFirst();
    }

    private static Optional<IntOrString> firstPort(Pod pod) {
        return pod.getSpec().getContainers().stream()
                .flatMap(c -> c.getPorts() == null ? java.util.stream.Stream.empty() : c.getPorts().stream())
                .findFirst()
                .map(p -> new IntOrString(p.getContainerPort()));
    }

    static Optional<Integer> hostPort(Pod pod, IntOrString target) {
        for (var container : pod.getSpec().getContainers()) {
            if (container.getPorts() == null) {
                continue;
            }
            for (ContainerPort port : container.getPorts()) {
                boolean match = target.getIntVal() != null
                        ? target.getIntVal().equals(port.getContainerPort())
                        : target.getStrVal().equals(port.getName());
                if (match && port.getHostPort() != null) {
                    return Optional.of(port.getHostPort());
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        services.close();
        pods.close();
    }
}
