package dev.gantry.operator.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.gantry.operator.testing.BuiltInResources.Resource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The discovery documents ({@code /version}, {@code /api}, {@code /apis}, one per group version) that kubectl reads
 * before anything else, listing the built-in kinds and the installed CRDs. fabric8's mock server answers these
 * paths with a list of CRDs, which kubectl cannot use.
 */
final class ApiDiscovery {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final List<String> VERBS =
            List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");

    private final Supplier<List<JsonNode>> crds;

    ApiDiscovery(Supplier<List<JsonNode>> crds) {
        this.crds = crds;
    }

    /** The document at this path (no query), if it is a discovery path. */
    Optional<JsonNode> answer(String path) {
        var parts = path.replaceAll("^/+|/+$", "").split("/");
        if (path.equals("/version")) {
            return Optional.of(version());
        }
        if (parts.length == 1 && parts[0].equals("api")) {
            var versions = JSON.objectNode().put("kind", "APIVersions");
            versions.putArray("versions").add("v1");
            versions.putArray("serverAddressByClientCIDRs");
            return Optional.of(versions);
        }
        if (parts.length == 2 && parts[0].equals("api")) {
            return resourceList("", parts[1]);
        }
        if (parts.length == 1 && parts[0].equals("apis")) {
            return Optional.of(groups());
        }
        if (parts.length == 3 && parts[0].equals("apis")) {
            return resourceList(parts[1], parts[2]);
        }
        return Optional.empty();
    }

    private static JsonNode version() {
        return JSON.objectNode()
                .put("major", "1")
                .put("minor", "33")
                .put("gitVersion", "v1.33.0+gantry-local")
                .put("platform", "linux/amd64");
    }

    private JsonNode groups() {
        var byGroup = new LinkedHashMap<String, String>();
        for (var resource : resources()) {
            if (!resource.group().isEmpty()) {
                byGroup.putIfAbsent(resource.group(), resource.version());
            }
        }
        var list = JSON.objectNode().put("kind", "APIGroupList").put("apiVersion", "v1");
        var groups = list.putArray("groups");
        byGroup.forEach((group, version) -> {
            var entry = groups.addObject().put("name", group);
            var groupVersion =
                    JSON.objectNode().put("groupVersion", group + "/" + version).put("version", version);
            entry.putArray("versions").add(groupVersion);
            entry.set("preferredVersion", groupVersion.deepCopy());
        });
        return list;
    }

    private Optional<JsonNode> resourceList(String group, String version) {
        var matching = resources().stream()
                .filter(r -> r.group().equals(group) && r.version().equals(version))
                .toList();
        if (matching.isEmpty()) {
            return Optional.empty();
        }
        var list = JSON.objectNode()
                .put("kind", "APIResourceList")
                .put("apiVersion", "v1")
                .put("groupVersion", matching.get(0).groupVersion());
        var items = list.putArray("resources");
        for (var resource : matching) {
            var entry = items.addObject()
                    .put("name", resource.plural())
                    .put("singularName", resource.singular())
                    .put("namespaced", resource.namespaced())
                    .put("kind", resource.kind());
            strings(entry.putArray("verbs"), VERBS);
            if (!resource.shortNames().isEmpty()) {
                strings(entry.putArray("shortNames"), resource.shortNames());
            }
            if (resource.inCategoryAll()) {
                strings(entry.putArray("categories"), List.of("all"));
            }
            for (var sub : resource.subresources()) {
                var subEntry = items.addObject()
                        .put("name", resource.plural() + "/" + sub)
                        .put("singularName", "")
                        .put("namespaced", resource.namespaced())
                        .put("kind", sub.equals("scale") ? "Scale" : resource.kind());
                strings(subEntry.putArray("verbs"), List.of("get", "patch", "update"));
            }
        }
        return Optional.of(list);
    }

    /** The built-in kinds and, for each stored CRD, its served versions. */
    List<Resource> resources() {
        var all = new ArrayList<>(BuiltInResources.ALL);
        for (var crd : crds.get()) {
            var spec = crd.path("spec");
            var names = spec.path("names");
            var shortNames = new ArrayList<String>();
            names.path("shortNames").forEach(n -> shortNames.add(n.asText()));
            for (var version : spec.path("versions")) {
                if (!version.path("served").asBoolean(true)) {
                    continue;
                }
                var sub = version.path("subresources").has("status") ? List.of("status") : List.<String>of();
                all.add(new Resource(
                        spec.path("group").asText(),
                        version.path("name").asText(),
                        names.path("plural").asText(),
                        names.path("singular")
                                .asText(names.path("kind").asText().toLowerCase()),
                        names.path("kind").asText(),
                        !"Cluster".equals(spec.path("scope").asText()),
                        shortNames,
                        sub));
            }
        }
        return all;
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
