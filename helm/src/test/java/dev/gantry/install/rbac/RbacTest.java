package dev.gantry.install.rbac;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.install.Repository;
import dev.gantry.install.chart.HelmChart;
import dev.gantry.install.rbac.OperatorGrants.Access;
import dev.gantry.install.rbac.Permissions.Scope;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Least privilege, end to end: the operator's declaration is what its generated role narrows to (and
 * OperatorPermissionsTest in operator/controller proves it is exactly what the operator calls), the chart carries it
 * unchanged, and the roles the chart binds to the operator grant exactly it, in each install mode.
 */
class RbacTest {

    static final Path DECLARATION =
            Path.of("operator/controller/src/main/resources/META-INF/gantry/operator-permissions.yaml");
    static final Path CHART_COPY = Path.of("helm/gantry/files/operator-permissions.yaml");

    static final String HEADER = """
            The Kubernetes API permissions of the Gantry operator, by where they apply. Generated: do not edit.

            Source: the ClusterRole quarkus-operator-sdk generates from the reconcilers' dependents, informers and @RBACRule
            annotations (operator/controller/target/kubernetes/kubernetes.yml), narrowed to what java-operator-sdk and Gantry
            really call: custom resources are read through informers (list, watch) and their status is patched; children are
            written by server-side apply (patch, and create for a new object), never updated; no finalizers. Regenerate after
            changing what the operator declares:
              ./mvnw -pl operator/controller -am package -DskipTests && ./mvnw -pl helm test -Dgantry.regenerate=true
            Checks: OperatorPermissionsTest (operator/controller) records every request the operator makes against the mock API
            server and fails on any call not granted here or any grant never called; RbacTest (helm) keeps this file, the
            chart's copy and the chart's roles identical.

            watchedNamespaces: a ClusterRole when the operator watches every namespace, a Role in each watched namespace
            otherwise. clusterScoped: always a ClusterRole. leaseNamespace: a Role in the operator's own namespace.
            The comment after a rule names the controllers that declared it.
            """;

    @Test
    void operatorDeclarationIsItsGeneratedRoleNarrowedToWhatItCalls() throws IOException {
        var root = Repository.root();
        var expected = GeneratedRole.narrowed(root).toYaml(HEADER);
        if (Repository.regenerate()) {
            Files.writeString(root.resolve(DECLARATION), expected);
            Files.writeString(root.resolve(CHART_COPY), expected);
        }

        assertThat(Files.readString(root.resolve(DECLARATION)))
                .as(
                        "%s is stale against the operator's generated role; regenerate with"
                                + " ./mvnw -pl helm test -Dgantry.regenerate=true and review the diff",
                        DECLARATION)
                .isEqualTo(expected);
    }

    @Test
    void chartCarriesTheOperatorsDeclarationUnchanged() throws IOException {
        var root = Repository.root();
        if (Repository.regenerate()) {
            Files.copy(
                    root.resolve(DECLARATION),
                    root.resolve(CHART_COPY),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }

        assertThat(Files.readString(root.resolve(CHART_COPY)))
                .as("%s is a copy of %s; regenerate with -Dgantry.regenerate=true", CHART_COPY, DECLARATION)
                .isEqualTo(Files.readString(root.resolve(DECLARATION)));
    }

    @Test
    void clusterWideInstallGrantsExactlyTheDeclaredPermissions() {
        var declared = declared();

        var granted = grantedToTheOperator(Map.of());

        var expected = new TreeSet<Access>();
        expected.addAll(in(OperatorGrants.CLUSTER, declared, Scope.watchedNamespaces));
        expected.addAll(in(OperatorGrants.CLUSTER, declared, Scope.clusterScoped));
        expected.addAll(in(HelmChart.NAMESPACE, declared, Scope.leaseNamespace));
        assertThat(granted).containsExactlyElementsOf(expected);
    }

    @Test
    void namespacedInstallGrantsTheDeclaredPermissionsOnlyInTheWatchedNamespaces() {
        var declared = declared();

        var granted = grantedToTheOperator(Map.of("watchNamespaces", List.of("models-a", "models-b")));

        var expected = new TreeSet<Access>();
        expected.addAll(in("models-a", declared, Scope.watchedNamespaces));
        expected.addAll(in("models-b", declared, Scope.watchedNamespaces));
        expected.addAll(in(OperatorGrants.CLUSTER, declared, Scope.clusterScoped));
        expected.addAll(in(HelmChart.NAMESPACE, declared, Scope.leaseNamespace));
        assertThat(granted).containsExactlyElementsOf(expected);
    }

    @Test
    void noRoleOfTheChartUsesWildcards() {
        var rendered = HelmChart.render(Map.of("watchNamespaces", List.of("models")));
        var rules = Stream.concat(
                        rendered.all(ClusterRole.class).stream().flatMap(r -> r.getRules().stream()),
                        rendered.all(Role.class).stream().flatMap(r -> r.getRules().stream()))
                .toList();

        assertThat(rules).isNotEmpty().allSatisfy(RbacTest::hasNoWildcard);
    }

    @Test
    void withoutRbacCreationTheChartBindsNothing() {
        var rendered = HelmChart.render(Map.of("rbac", Map.of("create", false)));

        assertThat(OperatorGrants.of(rendered.objects(), "gantry", HelmChart.NAMESPACE))
                .isEmpty();
    }

    private static void hasNoWildcard(PolicyRule rule) {
        assertThat(rule.getVerbs()).doesNotContain("*");
        assertThat(rule.getResources()).doesNotContain("*");
        assertThat(rule.getApiGroups()).doesNotContain("*");
    }

    private static Set<Access> grantedToTheOperator(Map<String, ?> values) {
        return OperatorGrants.of(HelmChart.render(values).objects(), "gantry", HelmChart.NAMESPACE);
    }

    private static Permissions declared() {
        return Permissions.read(Repository.root().resolve(DECLARATION));
    }

    private static List<Access> in(String where, Permissions declared, Scope scope) {
        return declared.grants().stream()
                .filter(g -> g.scope() == scope)
                .map(g -> new Access(where, g.group(), g.resource(), g.verb()))
                .toList();
    }
}
