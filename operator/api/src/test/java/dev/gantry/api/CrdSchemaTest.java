package dev.gantry.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.api.tooling.CrdFiles;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CrdSchemaTest {

    private static final Map<String, CustomResourceDefinition> CRDS = CrdFiles.definitions();

    @Test
    void modelDeploymentPrintsReadyModelRevisionUrlStatusAndAge() {
        assertThat(columns("modeldeployments.gantry.dev"))
                .containsExactly(
                        "Ready=.status.ready",
                        "Model=.spec.model.name",
                        "Revision=.status.stableRevision",
                        "URL=.status.url",
                        "Status=.status.conditions[?(@.type==\"Ready\")].reason",
                        "Age=.metadata.creationTimestamp");
    }

    @Test
    void modelRolloutPrintsTargetStrategyPhaseStepWeightRevisionsAndAge() {
        assertThat(columns("modelrollouts.gantry.dev"))
                .containsExactly(
                        "Target=.spec.targetRef.name",
                        "Strategy=.status.strategy",
                        "Phase=.status.phase",
                        "Step=.status.step",
                        "Weight=.status.currentWeight",
                        "Stable=.status.stableRevision",
                        "Canary=.status.candidateRevision",
                        "Age=.metadata.creationTimestamp");
    }

    @Test
    void bothKindsAreNamespacedWithShortNamesAndAStatusSubresource() {
        assertThat(CRDS.values()).allSatisfy(crd -> {
            assertThat(crd.getSpec().getScope()).isEqualTo("Namespaced");
            assertThat(crd.getSpec().getGroup()).isEqualTo("gantry.dev");
            assertThat(crd.getSpec().getNames().getShortNames()).isNotEmpty();
            CustomResourceDefinitionVersion version =
                    crd.getSpec().getVersions().get(0);
            assertThat(version.getName()).isEqualTo("v1alpha1");
            assertThat(version.getSubresources().getStatus()).isNotNull();
        });
    }

    @Test
    void everyFieldHasADescription() {
        List<String> undescribed = new ArrayList<>();
        CRDS.forEach((name, crd) -> walk(name, schema(crd), (path, node) -> {
            if (node.getDescription() == null || node.getDescription().isBlank()) {
                undescribed.add(path);
            }
        }));

        assertThat(undescribed).isEmpty();
    }

    @Test
    void schemasAreStructuralEveryNodeHasAType() {
        List<String> untyped = new ArrayList<>();
        CRDS.forEach((name, crd) -> walk(name, schema(crd), (path, node) -> {
            boolean typed = node.getType() != null
                    || Boolean.TRUE.equals(node.getXKubernetesIntOrString())
                    || Boolean.TRUE.equals(node.getXKubernetesPreserveUnknownFields());
            if (!typed) {
                untyped.add(path);
            }
        }));

        assertThat(untyped).isEmpty();
    }

    @Test
    void listsCheckedByCelRulesAreBoundedSoTheApiServerAcceptsTheirCost() {
        List<String> unbounded = new ArrayList<>();
        CRDS.forEach((name, crd) -> walk(name, schema(crd), (path, node) -> {
            if ("array".equals(node.getType())
                    && node.getMaxItems() == null
                    && !path.endsWith(".conditions")
                    && path.contains(".spec.")) {
                unbounded.add(path);
            }
        }));

        assertThat(unbounded)
                .as("spec lists without maxItems")
                .allMatch(path -> path.matches(".*\\.(args|env|tolerations|imagePullSecrets|hostnames|parentRefs)$"));
    }

    @Test
    void crossFieldRulesAreCelRulesInTheSchema() {
        List<String> rules = new ArrayList<>();
        CRDS.forEach((name, crd) -> walk(name, schema(crd), (path, node) -> {
            if (node.getXKubernetesValidations() != null) {
                node.getXKubernetesValidations().forEach(r -> rules.add(r.getRule()));
            }
        }));

        assertThat(rules)
                .contains("self.minReplicas <= self.maxReplicas", "has(self.canary) != has(self.blueGreen)")
                .anyMatch(rule -> rule.contains("isSorted()"));
    }

    private static List<String> columns(String crd) {
        return CRDS.get(crd).getSpec().getVersions().get(0).getAdditionalPrinterColumns().stream()
                .map(CustomResourceColumnDefinition::getName)
                .map(name -> name + "=" + column(crd, name).getJsonPath())
                .toList();
    }

    private static CustomResourceColumnDefinition column(String crd, String name) {
        return CRDS.get(crd).getSpec().getVersions().get(0).getAdditionalPrinterColumns().stream()
                .filter(c -> c.getName().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static JSONSchemaProps schema(CustomResourceDefinition crd) {
        return crd.getSpec().getVersions().get(0).getSchema().getOpenAPIV3Schema();
    }

    private interface Visitor {
        void visit(String path, JSONSchemaProps node);
    }

    /** Visits every property of our own types; core Kubernetes types (resources, affinity...) are upstream's. */
    private static void walk(String path, JSONSchemaProps node, Visitor visitor) {
        if (node.getProperties() != null) {
            node.getProperties().forEach((name, child) -> {
                String childPath = path + "." + name;
                if (isUpstreamType(childPath)) {
                    return;
                }
                visitor.visit(childPath, child);
                walk(childPath, child, visitor);
            });
        }
        if (node.getItems() != null && node.getItems().getSchema() != null) {
            walk(path + "[]", node.getItems().getSchema(), visitor);
        }
    }

    private static boolean isUpstreamType(String path) {
        return path.matches(".*\\.(resources|env|tolerations|affinity|imagePullSecrets|conditions|metadata)$");
    }
}
