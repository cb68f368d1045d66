package dev.gantry.install.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.gantry.api.v1alpha1.ModelDeployment;
import dev.gantry.api.v1alpha1.ModelRollout;
import dev.gantry.install.Repository;
import dev.gantry.install.chart.HelmChart;
import dev.gantry.install.rbac.Permissions;
import dev.gantry.install.rbac.Permissions.Grant;
import dev.gantry.install.rbac.Permissions.Scope;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The install and operate docs say what the code does: the RBAC table is the operator's declaration, the YAML a reader
 * pastes loads into the API types, every alert has its runbook, every status reason has its remedy, and every
 * {@code kubectl gantry} command named exists.
 */
class DocsTest {

    static final List<String> DOCS = List.of("getting-started.md", "operations.md", "security.md", "gitops.md");

    private static final ObjectMapper STRICT = JsonMapper.builder(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Map<String, Scope> WHERE = Map.of(
            "watched namespaces", Scope.watchedNamespaces,
            "cluster", Scope.clusterScoped,
            "operator's namespace", Scope.leaseNamespace);

    @Test
    void securityRbacTableIsTheOperatorsDeclaration() {
        var declared = Permissions.read(Repository.root()
                        .resolve("operator/controller/src/main/resources/META-INF/gantry/operator-permissions.yaml"))
                .grants();

        var documented = new HashSet<Grant>();
        for (var row : Markdown.read("security.md").tableAfter("<!-- operator-permissions:start")) {
            var group = row.get(1).replace("`", "").replace("\"", "");
            var resource = row.get(2).replace("`", "");
            for (var verb : row.get(3).split(",\\s*")) {
                documented.add(new Grant(WHERE.get(row.get(0)), group, resource, verb));
            }
        }

        assertThat(documented).containsExactlyInAnyOrderElementsOf(declared);
    }

    @ParameterizedTest
    @ValueSource(strings = {"getting-started.md", "operations.md", "security.md", "gitops.md"})
    void gantryResourcesInTheDocsLoadIntoTheApiTypes(String doc) throws IOException {
        var loaded = new ArrayList<String>();
        for (var yaml : Markdown.read(doc).yamlDocuments()) {
            for (var document : YAML.readerFor(JsonNode.class).readValues(yaml).readAll()) {
                var node = (JsonNode) document;
                if (!node.path("apiVersion").asText().startsWith("gantry.dev/")) {
                    continue;
                }
                var type = node.get("kind").asText().equals(ModelRollout.KIND)
                        ? ModelRollout.class
                        : ModelDeployment.class;
                STRICT.treeToValue(node, type);
                loaded.add(node.get("kind").asText());
            }
        }

        if (doc.equals("getting-started.md")) {
            assertThat(loaded).contains(ModelRollout.KIND);
        }
    }

    @Test
    void gitopsShowsTheFluxHealthChecksOfTheExample() throws IOException {
        var example = YAML.readTree(Repository.root()
                        .resolve("examples/gitops/flux/kustomization.yaml")
                        .toFile())
                .at("/spec/healthCheckExprs");
        var shown = Markdown.read("gitops.md").blocks().stream()
                .filter(b -> b.language().equals("yaml") && b.body().contains("healthCheckExprs"))
                .findFirst()
                .orElseThrow()
                .body();

        assertThat(YAML.readTree(shown.stripIndent()).get("healthCheckExprs")).isEqualTo(example);
    }

    @Test
    void everyAlertIsInTheOperationsTableAndItsRunbookExists() {
        var rule = HelmChart.render(Map.of("metrics", Map.of("prometheusRule", Map.of("enabled", true))))
                .one(PrometheusRule.class, "gantry");
        var operations = Markdown.read("operations.md");
        var table = operations.tableAfter("### Alerts").stream()
                .map(row -> row.get(0).replace("`", ""))
                .toList();

        var alerts = rule.getSpec().getGroups().stream()
                .flatMap(g -> g.getRules().stream())
                .toList();

        assertThat(table)
                .containsExactlyInAnyOrderElementsOf(
                        alerts.stream().map(r -> r.getAlert()).toList());
        assertThat(alerts)
                .allSatisfy(alert -> assertThat(operations.anchors())
                        .contains(alert.getAnnotations().get("runbook").replace("docs/operations.md#", "")));
    }

    @Test
    void everyStatusReasonHasARemedyInOperations() {
        var reasons = Markdown.read("operator.md").tableAfter("| Reason | Conditions |").stream()
                .map(row -> row.get(0).replace("`", ""))
                .collect(Collectors.toSet());
        var remedies = Markdown.read("operations.md").tableAfter("### By reason").stream()
                .map(row -> row.get(0).replace("`", ""))
                .collect(Collectors.toSet());
        var healthy = Set.of("Available", "RevisionAvailable", "AsExpected", "RevisionRollingOut", "ScaledToZero");

        assertThat(remedies).doesNotContainAnyElementsOf(healthy).isSubsetOf(reasons);
        assertThat(reasons.stream().filter(r -> !healthy.contains(r)))
                .allSatisfy(r -> assertThat(remedies).contains(r));
    }

    @Test
    void everyKubectlGantryCommandNamedExists() throws IOException {
        var commands = new HashSet<String>();
        try (Stream<java.nio.file.Path> sources =
                Files.list(Repository.root().resolve("operator/controller/src/main/java/dev/gantry/operator/cli"))) {
            for (var source : sources.toList()) {
                var name =
                        Pattern.compile("@Command\\(\\s*name = \"([a-z-]+)\"").matcher(Files.readString(source));
                if (name.find()) {
                    commands.add(name.group(1));
                }
            }
        }
        var named = new HashSet<String>();
        for (var doc : DOCS) {
            var mention = Pattern.compile("kubectl gantry ([a-z]+)")
                    .matcher(Markdown.read(doc).text());
            while (mention.find()) {
                named.add(mention.group(1));
            }
        }

        assertThat(commands).contains("status", "promote", "abort", "retry", "pause", "resume", "render");
        assertThat(named).isNotEmpty().isSubsetOf(commands);
    }
}
