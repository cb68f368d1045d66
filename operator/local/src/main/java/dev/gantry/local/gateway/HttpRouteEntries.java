package dev.gantry.local.gateway;

import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteMatch;
import java.util.ArrayList;
import java.util.List;

/**
 * The entries of one HTTPRoute: one per path match of each rule, with the rule's weighted Service backendRefs. The
 * local gateway serves every HTTPRoute, whatever its parentRefs name. Matches on headers, query parameters or
 * method are not served (such a match is skipped), nor are filters applied.
 */
final class HttpRouteEntries {

    private HttpRouteEntries() {}

    static List<RouteTable.Entry> of(HTTPRoute route) {
        var entries = new ArrayList<RouteTable.Entry>();
        var spec = route.getSpec();
        if (spec == null || spec.getRules() == null) {
            return entries;
        }
        var namespace = route.getMetadata().getNamespace();
        var created = String.valueOf(route.getMetadata().getCreationTimestamp());
        for (int index = 0; index < spec.getRules().size(); index++) {
            var rule = spec.getRules().get(index);
            var backends = new ArrayList<Backend>();
            if (rule.getBackendRefs() != null) {
                for (var ref : rule.getBackendRefs()) {
                    boolean service = (ref.getGroup() == null || ref.getGroup().isEmpty())
                            && (ref.getKind() == null || ref.getKind().equals("Service"));
                    if (service) {
                        backends.add(new Backend(
                                ref.getNamespace() == null ? namespace : ref.getNamespace(),
                                ref.getName(),
                                ref.getPort(),
                                null,
                                ref.getWeight() == null ? 1 : ref.getWeight()));
                    }
                }
            }
            var matches = rule.getMatches() == null || rule.getMatches().isEmpty()
                    ? List.of(new HTTPRouteMatch())
                    : rule.getMatches();
            var source = "httproute " + namespace + "/" + route.getMetadata().getName() + " rule " + index;
            for (var match : matches) {
                if (pathOnly(match)) {
                    var path = match.getPath();
                    boolean exact = path != null && "Exact".equals(path.getType());
                    var value = path == null || path.getValue() == null ? "/" : path.getValue();
                    entries.add(new RouteTable.Entry(
                            spec.getHostnames(), exact, value, created, source, backends, null, 0, 0));
                }
            }
        }
        return entries;
    }

    private static boolean pathOnly(HTTPRouteMatch match) {
        return (match.getHeaders() == null || match.getHeaders().isEmpty())
                && (match.getQueryParams() == null || match.getQueryParams().isEmpty())
                && match.getMethod() == null
                && (match.getPath() == null
                        || !"RegularExpression".equals(match.getPath().getType()));
    }
}
