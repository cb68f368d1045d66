package dev.gantry.local.gateway;

import dev.gantry.local.endpoints.Endpoint;
import dev.gantry.local.endpoints.ServiceEndpoints;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Chooses where one request goes, as a gateway's load balancer does: a backend by weight (weight-0 backends never),
 * then one of its ready endpoints round robin, skipping endpoints that refused a connection in the last
 * {@link #EJECTION} (passive health checking) unless nothing else is left.
 */
final class Upstreams {

    static final Duration EJECTION = Duration.ofSeconds(10);

    private final ServiceEndpoints endpoints;
    private final Map<String, Instant> ejected = new ConcurrentHashMap<>();
    private final AtomicInteger next = new AtomicInteger();

    Upstreams(ServiceEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    /** A backend by weight, or empty when every weight is 0. */
    Optional<Backend> pick(List<Backend> backends) {
        int total = backends.stream().mapToInt(b -> Math.max(0, b.weight())).sum();
        if (total == 0) {
            return Optional.empty();
        }
        int roll = ThreadLocalRandom.current().nextInt(total);
        for (var backend : backends) {
            roll -= Math.max(0, backend.weight());
            if (roll < 0) {
                return Optional.of(backend);
            }
        }
        return Optional.empty();
    }

    /** A ready endpoint of the backend other than those in {@code tried}. */
    Optional<Endpoint> endpoint(Backend backend, Set<Endpoint> tried) {
        var candidates = ready(backend).stream().filter(e -> !tried.contains(e)).toList();
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        var now = Instant.now();
        var healthy = candidates.stream()
                .filter(e -> ejected.getOrDefault(e.address(), Instant.EPOCH).isBefore(now))
                .toList();
        var pool = healthy.isEmpty() ? candidates : healthy;
        return Optional.of(pool.get(Math.floorMod(next.getAndIncrement(), pool.size())));
    }

    List<Endpoint> ready(Backend backend) {
        var port = backend.port();
        if (port == null && backend.portName() != null) {
            port = endpoints
                    .service(backend.namespace(), backend.service())
                    .flatMap(s -> s.getSpec().getPorts().stream()
                            .filter(p -> backend.portName().equals(p.getName()))
                            .findFirst())
                    .map(p -> p.getPort())
                    .orElse(-1);
        }
        return endpoints.ready(backend.namespace(), backend.service(), port);
    }

    /** The endpoint refused or dropped a connection: no requests for a while. */
    void eject(Endpoint endpoint) {
        ejected.put(endpoint.address(), Instant.now().plus(EJECTION));
    }

    ServiceEndpoints endpoints() {
        return endpoints;
    }
}
