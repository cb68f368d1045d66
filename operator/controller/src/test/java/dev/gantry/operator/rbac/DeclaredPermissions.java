package dev.gantry.operator.rbac;

import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The permissions the operator declares in {@code META-INF/gantry/operator-permissions.yaml}, flattened to one grant
 * per scope, API group, resource and verb.
 */
final class DeclaredPermissions {

    static final String RESOURCE = "META-INF/gantry/operator-permissions.yaml";

    /** Where a grant applies: see the file's header. */
    enum Scope {
        watchedNamespaces,
        clusterScoped,
        leaseNamespace
    }

    record Grant(Scope scope, String group, String resource, String verb) {
        @Override
        public String toString() {
            return scope + ": " + verb + " " + (group.isEmpty() ? "core" : group) + "/" + resource;
        }
    }

    private DeclaredPermissions() {}

    @SuppressWarnings("unchecked")
    static Set<Grant> load() {
        Map<String, List<Map<String, List<String>>>> file;
        try (var in = DeclaredPermissions.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path");
            }
            file = Serialization.unmarshal(in, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var grants = new LinkedHashSet<Grant>();
        file.forEach((scope, rules) -> {
            for (var rule : rules) {
                for (var group : rule.get("apiGroups")) {
                    for (var resource : rule.get("resources")) {
                        for (var verb : rule.get("verbs")) {
                            grants.add(new Grant(Scope.valueOf(scope), group, resource, verb));
                        }
                    }
                }
            }
        });
        return grants;
    }
}
