package dev.gantry.install.rbac;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.gantry.install.rbac.Permissions.Rule;
import dev.gantry.install.rbac.Permissions.Scope;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Set;

/**
 * The operator's permissions derived from the ClusterRoles quarkus-operator-sdk generates at build time
 * ({@code operator/controller/target/kubernetes/kubernetes.yml}) from each reconciler's primary resource, dependents
 * and {@code @RBACRule}s. The generated rules are wider than what java-operator-sdk and Gantry call, so they are
 * narrowed by rules that OperatorPermissionsTest verifies against the operator's real requests:
 *
 * <ul>
 *   <li>a primary custom resource (the rule that lists {@code <plural>/finalizers}) is read through an informer
 *       ({@code list}, {@code watch}) and only its status is written ({@code patch}, server-side apply); Gantry adds
 *       no finalizers;
 *   <li>a dependent (a rule with every CRUD verb) is written by server-side apply: {@code create} and {@code patch},
 *       never {@code update};
 *   <li>every other rule ({@code @RBACRule}) is taken as declared.
 * </ul>
 *
 * Leases go to the operator's namespace, cluster-scoped kinds to a ClusterRole, everything else to the watched
 * namespaces.
 */
final class GeneratedRole {

    static final Path FILE = Path.of("operator/controller/target/kubernetes/kubernetes.yml");

    private static final Set<String> CRUD = Set.of("get", "list", "watch", "create", "patch", "update", "delete");
    private static final Set<String> CLUSTER_SCOPED = Set.of(
            "apiextensions.k8s.io/customresourcedefinitions",
            "authorization.k8s.io/selfsubjectrulesreviews",
            "authorization.k8s.io/selfsubjectaccessreviews",
            "authorization.k8s.io/subjectaccessreviews",
            "authentication.k8s.io/tokenreviews",
            "/namespaces",
            "/nodes",
            "/persistentvolumes",
            "storage.k8s.io/storageclasses",
            "rbac.authorization.k8s.io/clusterroles",
            "rbac.authorization.k8s.io/clusterrolebindings");

    private GeneratedRole() {}

    static Permissions narrowed(Path root) {
        var file = root.resolve(FILE);
        if (!Files.exists(file)) {
            throw new IllegalStateException(file + " does not exist: build the operator first"
                    + " (./mvnw -pl operator/controller -am package -DskipTests)");
        }
        var rules = new EnumMap<Scope, List<Rule>>(Scope.class);
        for (var role : clusterRoles(file)) {
            var controller = role.at("/metadata/name").asText().replaceFirst("-cluster-role$", "");
            for (var rule : role.path("rules")) {
                narrow(rule, controller)
                        .forEach(r -> rules.computeIfAbsent(scopeOf(r), s -> new ArrayList<>())
                                .add(r));
            }
        }
        return Permissions.of(rules);
    }

    private static List<Rule> narrow(JsonNode rule, String controller) {
        var resources = strings(rule.path("resources"));
        var verbs = strings(rule.path("verbs"));
        boolean primary = resources.stream().anyMatch(r -> r.endsWith("/finalizers"));
        boolean dependent = verbs.containsAll(CRUD);
        var narrowed = new ArrayList<Rule>();
        for (var group : strings(rule.path("apiGroups"))) {
            for (var resource : resources) {
                if (primary) {
                    if (resource.endsWith("/status")) {
                        narrowed.add(new Rule(group, resource, List.of("patch"), Set.of(controller)));
                    } else if (!resource.contains("/")) {
                        narrowed.add(new Rule(group, resource, List.of("list", "watch"), Set.of(controller)));
                    }
                } else if (dependent) {
                    narrowed.add(new Rule(
                            group,
                            resource,
                            verbs.stream().filter(v -> !v.equals("update")).toList(),
                            Set.of(controller)));
                } else {
                    narrowed.add(new Rule(group, resource, verbs, Set.of(controller)));
                }
            }
        }
        return narrowed;
    }

    private static Scope scopeOf(Rule rule) {
        if (rule.group().equals("coordination.k8s.io") && rule.resource().equals("leases")) {
            return Scope.leaseNamespace;
        }
        return CLUSTER_SCOPED.contains(rule.group() + "/" + rule.resource())
                ? Scope.clusterScoped
                : Scope.watchedNamespaces;
    }

    private static List<JsonNode> clusterRoles(Path file) {
        try (var parser = new YAMLFactory().createParser(file.toFile())) {
            var mapper = new YAMLMapper();
            var roles = new ArrayList<JsonNode>();
            var documents = mapper.readValues(parser, JsonNode.class);
            while (documents.hasNext()) {
                var document = documents.next();
                if (document != null
                        && "ClusterRole".equals(document.path("kind").asText())) {
                    roles.add(document);
                }
            }
            return roles;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> strings(JsonNode array) {
        var values = new ArrayList<String>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
