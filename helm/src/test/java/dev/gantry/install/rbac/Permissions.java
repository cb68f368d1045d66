package dev.gantry.install.rbac;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The operator's permissions as it declares them ({@code operator-permissions.yaml}): rules by where they apply,
 * one API group and resource per rule, verbs in a fixed order, so that the file is stable when regenerated.
 */
public record Permissions(Map<Scope, List<Rule>> rules) {

    /** Where a rule applies; the names are the file's keys. */
    public enum Scope {
        /** A ClusterRole when every namespace is watched, else a Role in each watched namespace. */
        watchedNamespaces,
        /** Cluster-scoped objects: a ClusterRole in every mode. */
        clusterScoped,
        /** The Lease of leader election: a Role in the operator's namespace. */
        leaseNamespace
    }

    /**
     * One RBAC rule, and the controllers that declared it (written as a comment: Helm and the API server never see
     * it; OperatorPermissionsTest uses it to know which rules the controllers it runs must use).
     */
    public record Rule(String group, String resource, List<String> verbs, Set<String> controllers) {
        Rule(String group, String resource, List<String> verbs) {
            this(group, resource, verbs, Set.of());
        }
    }

    /** One verb on one resource in one scope: what the comparisons compare. */
    public record Grant(Scope scope, String group, String resource, String verb) {
        @Override
        public String toString() {
            return scope + ": " + verb + " " + (group.isEmpty() ? "core" : group) + "/" + resource;
        }
    }

    static final List<String> VERB_ORDER =
            List.of("get", "list", "watch", "create", "update", "patch", "delete", "deletecollection");

    private static final YAMLMapper YAML = new YAMLMapper();

    public static Permissions read(Path file) {
        try {
            var tree = YAML.readTree(file.toFile());
            var rules = new EnumMap<Scope, List<Rule>>(Scope.class);
            for (var scope : Scope.values()) {
                var list = new ArrayList<Rule>();
                for (JsonNode rule : tree.path(scope.name())) {
                    for (var group : rule.path("apiGroups")) {
                        for (var resource : rule.path("resources")) {
                            var verbs = new ArrayList<String>();
                            rule.path("verbs").forEach(v -> verbs.add(v.asText()));
                            list.add(new Rule(group.asText(), resource.asText(), verbs));
                        }
                    }
                }
                rules.put(scope, list);
            }
            return new Permissions(rules);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Merges rules on the same resource and orders everything, as the file is written. */
    public static Permissions of(Map<Scope, List<Rule>> rules) {
        var normalised = new EnumMap<Scope, List<Rule>>(Scope.class);
        for (var scope : Scope.values()) {
            var byResource = new TreeMap<String, Rule>();
            for (var rule : rules.getOrDefault(scope, List.of())) {
                var key = rule.group() + "/" + rule.resource();
                var verbs = new TreeSet<String>(
                        Comparator.comparingInt(Permissions::verbRank).thenComparing(Comparator.naturalOrder()));
                verbs.addAll(rule.verbs());
                var controllers = new TreeSet<String>(rule.controllers());
                var existing = byResource.get(key);
                if (existing != null) {
                    verbs.addAll(existing.verbs());
                    controllers.addAll(existing.controllers());
                }
                byResource.put(
                        key, new Rule(rule.group(), rule.resource(), List.copyOf(verbs), Set.copyOf(controllers)));
            }
            normalised.put(scope, List.copyOf(byResource.values()));
        }
        return new Permissions(normalised);
    }

    public Set<Grant> grants() {
        var grants = new LinkedHashSet<Grant>();
        rules.forEach((scope, list) -> list.forEach(rule ->
                rule.verbs().forEach(verb -> grants.add(new Grant(scope, rule.group(), rule.resource(), verb)))));
        return grants;
    }

    public List<Rule> rules(Scope scope) {
        return rules.getOrDefault(scope, List.of());
    }

    /** The file as generated: {@code header} as comments, then one flow-style rule per line. */
    public String toYaml(String header) {
        var out = new StringBuilder();
        header.lines()
                .forEach(line -> out.append(line.isEmpty() ? "#" : "# " + line).append('\n'));
        for (var scope : Scope.values()) {
            out.append(scope.name()).append(":\n");
            for (var rule : rules(scope)) {
                out.append("  - {apiGroups: [")
                        .append(rule.group().isEmpty() ? "\"\"" : rule.group())
                        .append("], resources: [")
                        .append(rule.resource())
                        .append("], verbs: [")
                        .append(String.join(", ", rule.verbs()))
                        .append("]}");
                if (!rule.controllers().isEmpty()) {
                    out.append("  # ").append(String.join(", ", new TreeSet<>(rule.controllers())));
                }
                out.append('\n');
            }
        }
        return out.toString();
    }

    private static int verbRank(String verb) {
        int rank = VERB_ORDER.indexOf(verb);
        return rank < 0 ? VERB_ORDER.size() : rank;
    }
}
