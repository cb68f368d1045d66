package dev.gantry.local.gateway;

import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressServiceBackend;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The entries of Ingresses, as ingress-nginx serves them: one per host and path, whatever the ingress class. A
 * canary Ingress ({@code nginx.ingress.kubernetes.io/canary: "true"}) does not route by itself; it takes
 * {@code canary-weight} out of {@code canary-weight-total} (100) of the requests of the main Ingress with the same
 * host and path.
 */
final class IngressEntries {

    private IngressEntries() {}

    static List<RouteTable.Entry> of(List<Ingress> ingresses) {
        var canaries = new HashMap<String, Ingress>();
        for (var ingress : ingresses) {
            if (isCanary(ingress)) {
                for (var rule : rules(ingress)) {
                    canaries.put(key(ingress, rule.host(), rule.path()), ingress);
                }
            }
        }
        var entries = new ArrayList<RouteTable.Entry>();
        for (var ingress : ingresses) {
            if (isCanary(ingress)) {
                continue;
            }
            var namespace = ingress.getMetadata().getNamespace();
            for (var rule : rules(ingress)) {
                var canary = canaries.get(key(ingress, rule.host(), rule.path()));
                var canaryRule = canary == null
                        ? null
                        : rules(canary).stream()
                                .filter(r ->
                                        r.path().equals(rule.path()) && java.util.Objects.equals(r.host(), rule.host()))
                                .findFirst()
                                .orElse(null);
                var annotations = canary == null ? Map.<String, String>of() : annotations(canary);
                entries.add(new RouteTable.Entry(
                        rule.host() == null ? List.of() : List.of(rule.host()),
                        rule.exact(),
                        rule.path(),
                        String.valueOf(ingress.getMetadata().getCreationTimestamp()),
                        "ingress " + namespace + "/" + ingress.getMetadata().getName(),
                        List.of(backend(namespace, rule.backend(), 1)),
                        canaryRule == null ? null : backend(namespace, canaryRule.backend(), 1),
                        number(annotations.get(RouteTable.CANARY_WEIGHT), 0),
                        number(annotations.get(RouteTable.CANARY_TOTAL), 100)));
            }
        }
        return entries;
    }

    private record Rule(String host, String path, boolean exact, IngressServiceBackend backend) {}

    private static List<Rule> rules(Ingress ingress) {
        var rules = new ArrayList<Rule>();
        var spec = ingress.getSpec();
        if (spec == null || spec.getRules() == null) {
            return rules;
        }
        for (var rule : spec.getRules()) {
            if (rule.getHttp() == null || rule.getHttp().getPaths() == null) {
                continue;
            }
            for (var path : rule.getHttp().getPaths()) {
                if (path.getBackend() != null && path.getBackend().getService() != null) {
                    rules.add(new Rule(
                            rule.getHost(),
                            path.getPath() == null ? "/" : path.getPath(),
                            "Exact".equals(path.getPathType()),
                            path.getBackend().getService()));
                }
            }
        }
        return rules;
    }

    private static Backend backend(String namespace, IngressServiceBackend service, int weight) {
        var port = service.getPort();
        return new Backend(
                namespace,
                service.getName(),
                port == null ? null : port.getNumber(),
                port == null ? null : port.getName(),
                weight);
    }

    private static boolean isCanary(Ingress ingress) {
        return "true".equals(annotations(ingress).get(RouteTable.CANARY));
    }

    private static Map<String, String> annotations(Ingress ingress) {
        var annotations = ingress.getMetadata().getAnnotations();
        return annotations == null ? Map.of() : annotations;
    }

    private static String key(Ingress ingress, String host, String path) {
        return ingress.getMetadata().getNamespace() + "|" + host + "|" + path;
    }

    private static int number(String text, int fallback) {
        try {
            return text == null ? fallback : Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
