package dev.gantry.operator.rbac;

import io.quarkiverse.operatorsdk.annotations.RBACRule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The permissions the operator declares in {@code META-INF/gantry/operator-permissions.yaml}, flattened to one grant
 * per scope, API group, resource and verb, each with the controllers that declared it (the comment after the rule).
 * The file is generated in one fixed shape (see its header), which is what this reads.
 */
public final class DeclaredPermissions {

    public static final String RESOURCE = "META-INF/gantry/operator-permissions.yaml";

    private static final Pattern SCOPE = Pattern.compile("^(\\w+):$");
    private static final Pattern RULE =
            Pattern.compile("^ {2}- \\{apiGroups: \\[(.*)], resources: \\[(.*)], verbs: \\[(.*)]}(?:\\s+#\\s*(.*))?$");

    /** Where a grant applies: see the file's header. */
    public enum Scope {
        watchedNamespaces,
        clusterScoped,
        leaseNamespace
    }

    public record Grant(Scope scope, String group, String resource, String verb, Set<String> controllers) {
        /** The grant a call needs; which controller made the call does not matter for what it may do. */
        public Grant(Scope scope, String group, String resource, String verb) {
            this(scope, group, resource, verb, Set.of());
        }

        public boolean sameAs(Grant other) {
            return scope == other.scope
                    && group.equals(other.group)
                    && resource.equals(other.resource)
                    && verb.equals(other.verb);
        }

        @Override
        public String toString() {
            return scope + ": " + verb + " " + (group.isEmpty() ? "core" : group) + "/" + resource;
        }
    }

    private DeclaredPermissions() {}

    public static Set<Grant> load() {
        String text;
        try (var in = DeclaredPermissions.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var grants = new LinkedHashSet<Grant>();
        Scope scope = null;
        for (var line : text.lines().toList()) {
            var scopeLine = SCOPE.matcher(line);
            var rule = RULE.matcher(line);
            if (scopeLine.matches()) {
                scope = Scope.valueOf(scopeLine.group(1));
            } else if (rule.matches()) {
                var controllers = rule.group(4) == null ? Set.<String>of() : Set.copyOf(list(rule.group(4)));
                for (var group : list(rule.group(1))) {
                    for (var resource : list(rule.group(2))) {
                        for (var verb : list(rule.group(3))) {
                            grants.add(new Grant(scope, group.replace("\"", ""), resource, verb, controllers));
                        }
                    }
                }
            } else if (!line.startsWith("#") && !line.isBlank()) {
                throw new IllegalStateException(RESOURCE + " has a line this reader does not know: " + line);
            }
        }
        return grants;
    }

    /** What a reconciler declares with {@code @RBACRule}, as grants in the watched namespaces. */
    public static Set<Grant> annotatedOn(Class<?> reconciler) {
        var grants = new LinkedHashSet<Grant>();
        for (var rule : reconciler.getAnnotationsByType(RBACRule.class)) {
            for (var group : rule.apiGroups()) {
                for (var resource : rule.resources()) {
                    for (var verb : rule.verbs()) {
                        grants.add(new Grant(Scope.watchedNamespaces, group, resource, verb));
                    }
                }
            }
        }
        return grants;
    }

    private static List<String> list(String items) {
        return Arrays.stream(items.split(",")).map(String::strip).toList();
    }
}
