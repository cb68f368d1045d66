package dev.gantry.operator.rbac;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One request to the API server in the terms RBAC authorizes it by: verb, API group, resource (with its
 * subresource), namespace and object name, derived from the URL the way the API server's request-info parser does.
 *
 * @param namespace {@code null} for cluster-scoped objects and for requests across all namespaces
 * @param name {@code null} for collections
 */
public record ApiCall(String verb, String group, String resource, String namespace, String name) {

    private static final String APPLY = "application/apply-patch+yaml";

    /**
     * The calls a request amounts to: a server-side apply is authorized as {@code patch}, and also as
     * {@code create} when it created the object ({@code created}). Discovery and other non-resource URLs need no
     * RBAC rule and give none.
     */
    static List<ApiCall> of(String method, URI uri, String contentType, boolean created) {
        var parsed = parse(method, uri);
        if (parsed.isEmpty()) {
            return List.of();
        }
        var call = parsed.get();
        boolean apply = contentType != null && contentType.startsWith(APPLY);
        if (apply && created) {
            return List.of(call, call.withVerb("create"));
        }
        return List.of(call);
    }

    private static Optional<ApiCall> parse(String method, URI uri) {
        var parts = Arrays.stream(uri.getPath().split("/"))
                .filter(p -> !p.isEmpty())
                .toList();
        List<String> rest;
        String group;
        if (parts.size() >= 3 && parts.get(0).equals("api")) {
            group = "";
            rest = parts.subList(2, parts.size());
        } else if (parts.size() >= 4 && parts.get(0).equals("apis")) {
            group = parts.get(1);
            rest = parts.subList(3, parts.size());
        } else {
            return Optional.empty();
        }
        String namespace = null;
        if (rest.size() >= 3 && rest.get(0).equals("namespaces")) {
            namespace = rest.get(1);
            rest = rest.subList(2, rest.size());
        }
        var resource = rest.get(0);
        var name = rest.size() > 1 ? rest.get(1) : null;
        if (rest.size() > 2) {
            resource = resource + "/" + rest.get(2);
        }
        return Optional.of(new ApiCall(verb(method, name, uri.getQuery()), group, resource, namespace, name));
    }

    private static String verb(String method, String name, String query) {
        return switch (method) {
            case "GET" -> name != null ? "get" : (query != null && query.contains("watch=true") ? "watch" : "list");
            case "POST" -> "create";
            case "PUT" -> "update";
            case "PATCH" -> "patch";
            case "DELETE" -> name != null ? "delete" : "deletecollection";
            default -> method.toLowerCase(java.util.Locale.ROOT);
        };
    }

    ApiCall withVerb(String verb) {
        return new ApiCall(verb, group, resource, namespace, name);
    }

    @Override
    public String toString() {
        var where = namespace == null ? "cluster-wide" : "in namespace " + namespace;
        return verb + " " + (group.isEmpty() ? "core" : group) + "/" + resource + (name == null ? "" : " " + name) + " "
                + where;
    }
}
