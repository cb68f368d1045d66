package dev.gantry.install.rbac;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleRef;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a set of rendered manifests lets one ServiceAccount do: every (where, group, resource, verb) reachable through
 * the bindings that name it, where "where" is {@link #CLUSTER} for a ClusterRoleBinding or a namespace.
 */
final class OperatorGrants {

    static final String CLUSTER = "<cluster>";

    /** One effective permission. */
    record Access(String where, String group, String resource, String verb) implements Comparable<Access> {
        @Override
        public int compareTo(Access other) {
            return toString().compareTo(other.toString());
        }

        @Override
        public String toString() {
            return where + ": " + verb + " " + (group.isEmpty() ? "core" : group) + "/" + resource;
        }
    }

    private OperatorGrants() {}

    static Set<Access> of(List<HasMetadata> objects, String serviceAccount, String namespace) {
        var access = new TreeSet<Access>();
        for (var object : objects) {
            if (object instanceof ClusterRoleBinding binding
                    && names(binding.getSubjects(), serviceAccount, namespace)) {
                add(access, CLUSTER, rules(objects, binding.getRoleRef(), null));
            } else if (object instanceof RoleBinding binding
                    && names(binding.getSubjects(), serviceAccount, namespace)) {
                var where = binding.getMetadata().getNamespace();
                add(access, where, rules(objects, binding.getRoleRef(), where));
            }
        }
        return access;
    }

    private static boolean names(List<Subject> subjects, String serviceAccount, String namespace) {
        return subjects.stream()
                .anyMatch(s -> s.getKind().equals("ServiceAccount")
                        && s.getName().equals(serviceAccount)
                        && namespace.equals(s.getNamespace()));
    }

    private static List<PolicyRule> rules(List<HasMetadata> objects, RoleRef ref, String namespace) {
        for (var object : objects) {
            if (!object.getMetadata().getName().equals(ref.getName())
                    || !object.getKind().equals(ref.getKind())) {
                continue;
            }
            if (object instanceof ClusterRole role) {
                return role.getRules();
            }
            if (object instanceof Role role && role.getMetadata().getNamespace().equals(namespace)) {
                return role.getRules();
            }
        }
        throw new AssertionError(
                "a binding refers to " + ref.getKind() + " " + ref.getName() + ", which is not rendered");
    }

    private static void add(Set<Access> access, String where, List<PolicyRule> rules) {
        for (var rule : rules) {
            for (var group : rule.getApiGroups()) {
                for (var resource : rule.getResources()) {
                    for (var verb : rule.getVerbs()) {
                        access.add(new Access(where, group, resource, verb));
                    }
                }
            }
        }
    }
}
