package dev.gantry.local.gateway;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.Supplier;

/**
 * The gateway's own paths, under {@code /_gantry/}: proxies to one pod ({@code pods/<namespace>/<pod>/<path>},
 * its first container port) and to a Service port ({@code services/<namespace>/<service>/<port>/<path>}), which
 * stand in for pod IPs and cluster DNS for the operator's analysis and evaluation; and the route table
 * ({@code routes}).
 */
final class GatewayPaths {

    static final String PREFIX = "/_gantry/";

    private final Proxy proxy;
    private final Supplier<RouteTable> table;

    GatewayPaths(Proxy proxy, Supplier<RouteTable> table) {
        this.proxy = proxy;
        this.table = table;
    }

    void handle(HttpServerRequest request) {
        var rest = request.path().substring(PREFIX.length());
        var query = request.query() == null ? "" : "?" + request.query();
        var parts = rest.split("/", -1);
        if (rest.equals("routes")) {
            routes(request);
        } else if (parts.length >= 3 && parts[0].equals("pods")) {
            var endpoint = proxy.upstreams().endpoints().podEndpoint(parts[1], parts[2], null);
            if (endpoint.isEmpty()) {
                Proxy.error(
                        request.response(), 404, "not_found", "no pod " + parts[1] + "/" + parts[2] + " with a port");
                return;
            }
            proxy.forwardTo(request, endpoint.get(), "/" + tail(parts, 3) + query);
        } else if (parts.length >= 4 && parts[0].equals("services") && parts[3].matches("[0-9]+")) {
            var backend = new Backend(parts[1], parts[2], Integer.parseInt(parts[3]), null, 1);
            var route = new Route("service " + parts[1] + "/" + parts[2], List.of(backend));
            proxy.forward(request, route, "/" + tail(parts, 4) + query);
        } else {
            Proxy.error(request.response(), 404, "not_found", "unknown path; try " + PREFIX + "routes");
        }
    }

    private void routes(HttpServerRequest request) {
        var entries = new JsonArray();
        for (var entry : table.get().entries()) {
            var backends = new JsonArray();
            entry.backends()
                    .forEach(b -> backends.add(new JsonObject()
                            .put("service", b.describe())
                            .put("weight", b.weight())
                            .put("readyPods", proxy.upstreams().ready(b).size())));
            var json = new JsonObject()
                    .put("source", entry.source())
                    .put("hostnames", new JsonArray(entry.hostnames() == null ? List.of() : entry.hostnames()))
                    .put("path", (entry.exact() ? "= " : "") + entry.path())
                    .put("backends", backends);
            if (entry.canary() != null) {
                json.put(
                        "canary",
                        new JsonObject()
                                .put("service", entry.canary().describe())
                                .put("weight", entry.canaryWeight() + "/" + entry.canaryTotal()));
            }
            entries.add(json);
        }
        request.response()
                .putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("routes", entries).encodePrettily());
    }

    private static String tail(String[] parts, int from) {
        return String.join("/", java.util.Arrays.copyOfRange(parts, from, parts.length));
    }
}
