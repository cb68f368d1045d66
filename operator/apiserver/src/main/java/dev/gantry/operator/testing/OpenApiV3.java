package dev.gantry.operator.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gantry.operator.testing.BuiltInResources.Resource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Just enough of {@code /openapi/v3} for kubectl to see that every kind accepts the {@code fieldValidation} query
 * parameter, so that {@code kubectl apply} validates on the server instead of failing to download schemas. No
 * schemas are published, and the mock server validates nothing: an unknown field is stored as it is.
 */
final class OpenApiV3 {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Supplier<List<Resource>> resources;

    OpenApiV3(Supplier<List<Resource>> resources) {
        this.resources = resources;
    }

    Optional<JsonNode> answer(String path) {
        if (path.equals("/openapi/v3")) {
            return Optional.of(root());
        }
        if (path.startsWith("/openapi/v3/")) {
            var groupVersion = path.substring("/openapi/v3/".length());
            var matching = resources.get().stream()
                    .filter(r -> gvPath(r).equals(groupVersion))
                    .toList();
            return matching.isEmpty() ? Optional.empty() : Optional.of(document(matching));
        }
        return Optional.empty();
    }

    private JsonNode root() {
        var paths = new LinkedHashMap<String, String>();
        resources.get().forEach(r -> paths.putIfAbsent(gvPath(r), "/openapi/v3/" + gvPath(r) + "?hash=local"));
        var root = JSON.objectNode();
        var node = root.putObject("paths");
        paths.forEach((gv, url) -> node.putObject(gv).put("serverRelativeURL", url));
        return root;
    }

    private static JsonNode document(List<Resource> resources) {
        var doc = JSON.objectNode().put("openapi", "3.0.0");
        doc.putObject("info").put("title", "Kubernetes").put("version", "v1.33.0");
        var paths = doc.putObject("paths");
        for (var resource : resources) {
            var prefix = "/" + gvPath(resource) + (resource.namespaced() ? "/namespaces/{namespace}/" : "/");
            var patch = paths.putObject(prefix + resource.plural() + "/{name}").putObject("patch");
            patch.put("operationId", "patch" + resource.kind());
            patch.set("x-kubernetes-group-version-kind", gvk(resource));
            patch.putArray("parameters")
                    .addObject()
                    .put("name", "fieldValidation")
                    .put("in", "query")
                    .putObject("schema")
                    .put("type", "string");
        }
        return doc;
    }

    private static ObjectNode gvk(Resource resource) {
        return JSON.objectNode()
                .put("group", resource.group())
                .put("version", resource.version())
                .put("kind", resource.kind());
    }

    private static String gvPath(Resource resource) {
        return resource.group().isEmpty() ? "api/" + resource.version() : "apis/" + resource.groupVersion();
    }
}
