package dev.gantry.local.gateway;

import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the gateway routes, built from the API's HTTPRoutes and Ingresses: a request's host and path select the
 * most specific route (Gateway API precedence: host name, then exact path, then the longest prefix, then the oldest
 * route), whose weighted backends share its traffic. Ingresses follow ingress-nginx, including its canary
 * Ingresses ({@code canary: "true"}, {@code canary-weight}, {@code canary-weight-total}). A host of the form
 * {@code <service>.<namespace>.svc[.cluster.local]} reaches that Service directly, as in-cluster clients do.
 */
final class RouteTable {

    static final String CANARY = "nginx.ingress.kubernetes.io/canary";
    static final String CANARY_WEIGHT = "nginx.ingress.kubernetes.io/canary-weight";
    static final String CANARY_TOTAL = "nginx.ingress.kubernetes.io/canary-weight-total";
    private static final Pattern SERVICE_HOST = Pattern.compile(
            "([a-z0-9]([-a-z0-9]*[a-z0-9])?)\\.([a-z0-9]([-a-z0-9]*[a-z0-9])?)\\.svc(\\.cluster\\.local)?");

    /** One path match of one route rule. */
    record Entry(
            List<String> hostnames,
            boolean exact,
            String path,
            String created,
            String source,
            List<Backend> backends,
            Backend canary,
            int canaryWeight,
            int canaryTotal) {}

    private final List<Entry> entries;

    private RouteTable(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    static RouteTable build(List<HTTPRoute> routes, List<Ingress> ingresses) {
        var entries = new ArrayList<Entry>();
        routes.forEach(route -> entries.addAll(HttpRouteEntries.of(route)));
        entries.addAll(IngressEntries.of(ingresses));
        return new RouteTable(entries);
    }

    List<Entry> entries() {
        return entries;
    }

    Optional<Route> resolve(String hostHeader, String path) {
        var host = HostMatch.of(hostHeader);
        var service = SERVICE_HOST.matcher(host);
        if (service.matches()) {
            var port = portOf(hostHeader);
            return Optional.of(new Route(
                    "service " + service.group(3) + "/" + service.group(1),
                    List.of(new Backend(service.group(3), service.group(1), port, null, 1))));
        }
        return entries.stream()
                .filter(e -> HostMatch.score(e.hostnames(), host) > HostMatch.NONE && matches(e, path))
                .min(Comparator.<Entry>comparingInt(e -> -HostMatch.score(e.hostnames(), host))
                        .thenComparing(e -> !e.exact())
                        .thenComparingInt(e -> -e.path().length())
                        .thenComparing(Entry::created)
                        .thenComparing(Entry::source))
                .map(RouteTable::toRoute);
    }

    private static Route toRoute(Entry entry) {
        if (entry.canary() == null) {
            return new Route(entry.source(), entry.backends());
        }
        var main = entry.backends().get(0);
        int weight = Math.max(0, Math.min(entry.canaryWeight(), entry.canaryTotal()));
        var backends = List.of(
                new Backend(
                        main.namespace(), main.service(), main.port(), main.portName(), entry.canaryTotal() - weight),
                new Backend(
                        entry.canary().namespace(),
                        entry.canary().service(),
                        entry.canary().port(),
                        entry.canary().portName(),
                        weight));
        return new Route(entry.source() + " with canary", backends);
    }

    private static boolean matches(Entry entry, String path) {
        if (entry.exact()) {
            return path.equals(entry.path());
        }
        var prefix = entry.path().endsWith("/")
                ? entry.path().substring(0, entry.path().length() - 1)
                : entry.path();
        return prefix.isEmpty() || path.equals(prefix) || path.startsWith(prefix + "/");
    }

    private static Integer portOf(String hostHeader) {
        int colon = hostHeader.lastIndexOf(':');
        if (colon < 0 || hostHeader.endsWith("]")) {
            return null;
        }
        try {
            return Integer.parseInt(hostHeader.substring(colon + 1));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
