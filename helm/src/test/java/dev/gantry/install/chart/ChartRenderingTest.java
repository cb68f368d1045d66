package dev.gantry.install.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.Helm;
import dev.gantry.install.Repository;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The chart as Helm renders it, in its modes: what a platform engineer gets from {@code helm install}. */
class ChartRenderingTest {

    @Test
    void lintPassesInStrictMode() {
        var result = new Helm(Repository.chart()).lint().strict().call();

        assertThat(result.isFailed())
                .as(String.join("\n", result.getMessages()))
                .isFalse();
        assertThat(result.getMessages()).noneMatch(m -> m.contains("[ERROR]") || m.contains("[WARNING]"));
    }

    @Test
    void defaultValuesRenderAnOperatorForAllNamespacesAsTypedObjects() {
        var rendered = HelmChart.render(Map.of());

        assertThat(rendered.objects()).noneMatch(GenericKubernetesResource.class::isInstance);
        assertThat(kinds(rendered.objects()))
                .containsExactlyInAnyOrder(
                        "ServiceAccount/gantry",
                        "ClusterRole/gantry",
                        "ClusterRoleBinding/gantry",
                        "Role/gantry-leader-election",
                        "RoleBinding/gantry-leader-election",
                        "ClusterRole/gantry-view",
                        "ClusterRole/gantry-edit",
                        "Service/gantry-metrics",
                        "Deployment/gantry");
        assertThat(rendered.objects())
                .filteredOn(o -> !o.getKind().startsWith("Cluster"))
                .allSatisfy(o -> assertThat(o.getMetadata().getNamespace()).isEqualTo(HelmChart.NAMESPACE));
        assertThat(env(operator(rendered))).containsEntry("QUARKUS_OPERATOR_SDK_NAMESPACES", "JOSDK_ALL_NAMESPACES");
    }

    @Test
    void operatorPodRunsNonRootOnAReadOnlyRootWithoutCapabilities() {
        var pod = HelmChart.render(Map.of())
                .one(Deployment.class, "gantry")
                .getSpec()
                .getTemplate()
                .getSpec();
        var container = pod.getContainers().get(0);

        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(10001L);
        assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(container.getVolumeMounts()).anyMatch(m -> m.getMountPath().equals("/tmp"));
        assertThat(container.getResources().getLimits()).containsKey("memory");
        assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
    }

    @Test
    void operatorPodIsProbedOnQuarkusHealthAndPrefersSpreadingOverNodes() {
        var rendered = HelmChart.render(Map.of());
        var pod =
                rendered.one(Deployment.class, "gantry").getSpec().getTemplate().getSpec();
        var container = pod.getContainers().get(0);

        assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/q/health/live");
        assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/q/health/ready");
        assertThat(container.getStartupProbe().getHttpGet().getPath()).isEqualTo("/q/health/started");
        assertThat(container.getPorts()).singleElement().satisfies(port -> {
            assertThat(port.getName()).isEqualTo("http");
            assertThat(port.getContainerPort()).isEqualTo(8080);
        });
        var antiAffinity = pod.getAffinity().getPodAntiAffinity();
        assertThat(antiAffinity.getRequiredDuringSchedulingIgnoredDuringExecution())
                .isEmpty();
        assertThat(antiAffinity.getPreferredDuringSchedulingIgnoredDuringExecution())
                .singleElement()
                .satisfies(term -> {
                    assertThat(term.getPodAffinityTerm().getTopologyKey()).isEqualTo("kubernetes.io/hostname");
                    assertThat(term.getPodAffinityTerm().getLabelSelector().getMatchLabels())
                            .isEqualTo(selectorOf(rendered));
                });
    }

    @Test
    void leaseNamespaceComesFromTheDownwardApi() {
        var env = operator(HelmChart.render(Map.of())).getEnv().stream()
                .filter(e -> e.getName().equals("GANTRY_LEADER_ELECTION_NAMESPACE"))
                .findFirst()
                .orElseThrow();

        assertThat(env.getValueFrom().getFieldRef().getFieldPath()).isEqualTo("metadata.namespace");
    }

    @Test
    void defaultRuntimeImagesAreTheOperatorsOwnDefaults() throws IOException {
        var properties = new Properties();
        properties.load(new StringReader(Files.readString(
                Repository.root().resolve("operator/controller/src/main/resources/application.properties"))));

        var env = env(operator(HelmChart.render(Map.of())));

        assertThat(env.get("GANTRY_RUNTIME_IMAGE")).isEqualTo(properties.getProperty("gantry.runtime.image"));
        assertThat(env.get("GANTRY_RUNTIME_GPU_IMAGE")).isEqualTo(properties.getProperty("gantry.runtime.gpu-image"));
    }

    @Test
    void everyOperatorSettingTheChartSetsIsADocumentedProperty() throws IOException {
        var documented = documentedEnvironmentVariables();

        var set = operator(HelmChart.render(Map.of("runtime", Map.of("hfEndpoint", "https://hf-mirror.example.com"))))
                .getEnv()
                .stream()
                .map(EnvVar::getName)
                .filter(name -> name.startsWith("GANTRY_") || name.startsWith("QUARKUS_"))
                .collect(Collectors.toSet());

        assertThat(documented).containsAll(set);
    }

    @Test
    void valuesReachTheOperatorAsItsConfiguration() {
        var env = env(operator(HelmChart.render(Map.of(
                "logging", Map.of("level", "DEBUG", "format", "text"),
                "runtime",
                        Map.of(
                                "image", "registry.example.com/gantry-runtime:1.2.3",
                                "gpuImage", "registry.example.com/gantry-runtime:1.2.3-cuda",
                                "logFormat", "text",
                                "hfEndpoint", "https://hf-mirror.example.com"),
                "reconcile", Map.of("recheckInterval", "10s", "progressResync", "2m"),
                "leaderElection", Map.of("leaseName", "models-operator")))));

        assertThat(env)
                .containsEntry("QUARKUS_LOG_LEVEL", "DEBUG")
                .containsEntry("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false")
                .containsEntry("GANTRY_RUNTIME_IMAGE", "registry.example.com/gantry-runtime:1.2.3")
                .containsEntry("GANTRY_RUNTIME_GPU_IMAGE", "registry.example.com/gantry-runtime:1.2.3-cuda")
                .containsEntry("GANTRY_RUNTIME_LOG_FORMAT", "text")
                .containsEntry("GANTRY_RUNTIME_HF_ENDPOINT", "https://hf-mirror.example.com")
                .containsEntry("GANTRY_RECONCILE_RECHECK_INTERVAL", "10s")
                .containsEntry("GANTRY_RECONCILE_PROGRESS_RESYNC", "2m")
                .containsEntry("GANTRY_LEADER_ELECTION_LEASE_NAME", "models-operator");
    }

    @Test
    void namespacedModeWatchesOnlyTheListedNamespaces() {
        var rendered = HelmChart.render(Map.of("watchNamespaces", List.of("models-a", "models-b")));

        assertThat(env(operator(rendered))).containsEntry("QUARKUS_OPERATOR_SDK_NAMESPACES", "models-a,models-b");
        assertThat(kinds(rendered.objects()))
                .contains(
                        "Role/gantry",
                        "RoleBinding/gantry",
                        "ClusterRole/gantry-cluster-scoped",
                        "ClusterRoleBinding/gantry-cluster-scoped")
                .doesNotContain("ClusterRole/gantry");
        assertThat(rendered.all(io.fabric8.kubernetes.api.model.rbac.Role.class))
                .extracting(role -> role.getMetadata().getNamespace())
                .containsExactlyInAnyOrder("models-a", "models-b", HelmChart.NAMESPACE);
    }

    @Test
    void twoReplicasGetADisruptionBudgetAndAServiceMonitorScrapesTheMetricsService() {
        var rendered = HelmChart.render(Map.of(
                "replicaCount",
                2,
                "metrics",
                Map.of("serviceMonitor", Map.of("enabled", true, "labels", Map.of("release", "prometheus")))));

        assertThat(rendered.one(Deployment.class, "gantry").getSpec().getReplicas())
                .isEqualTo(2);
        var budget = rendered.one(PodDisruptionBudget.class, "gantry");
        assertThat(budget.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);
        assertThat(budget.getSpec().getSelector().getMatchLabels()).isEqualTo(selectorOf(rendered));
        var monitor = rendered.one(ServiceMonitor.class, "gantry");
        var service = rendered.one(Service.class, "gantry-metrics");
        assertThat(monitor.getMetadata().getLabels()).containsEntry("release", "prometheus");
        assertThat(service.getMetadata().getLabels())
                .containsAllEntriesOf(monitor.getSpec().getSelector().getMatchLabels());
        assertThat(monitor.getSpec().getEndpoints()).singleElement().satisfies(endpoint -> {
            assertThat(endpoint.getPath()).isEqualTo("/q/metrics");
            assertThat(service.getSpec().getPorts()).anyMatch(p -> p.getName().equals(endpoint.getPort()));
        });
        assertThat(service.getSpec().getSelector()).isEqualTo(selectorOf(rendered));
    }

    @Test
    void anImageDigestPinsTheOperatorImage() {
        var digest = "sha256:" + "a".repeat(64);

        var container = operator(HelmChart.render(Map.of("image", Map.of("digest", digest))));

        assertThat(container.getImage()).isEqualTo("ghcr.io/gantry-dev/gantry-operator@" + digest);
    }

    @Test
    void anExistingServiceAccountIsUsedWithoutCreatingOne() {
        var rendered = HelmChart.render(Map.of("serviceAccount", Map.of("create", false, "name", "platform-operator")));

        assertThat(rendered.all(ServiceAccount.class)).isEmpty();
        assertThat(rendered.one(Deployment.class, "gantry")
                        .getSpec()
                        .getTemplate()
                        .getSpec()
                        .getServiceAccountName())
                .isEqualTo("platform-operator");
        assertThat(rendered.one(io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding.class, "gantry")
                        .getSubjects())
                .singleElement()
                .satisfies(s -> assertThat(s.getName()).isEqualTo("platform-operator"));
    }

    static Container operator(HelmChart.Rendered rendered) {
        return rendered.one(Deployment.class, "gantry")
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0);
    }

    static Map<String, String> env(Container container) {
        return container.getEnv().stream()
                .filter(e -> e.getValue() != null)
                .collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
    }

    private static Map<String, String> selectorOf(HelmChart.Rendered rendered) {
        return rendered.one(Deployment.class, "gantry").getSpec().getSelector().getMatchLabels();
    }

    private static List<String> kinds(List<HasMetadata> objects) {
        return objects.stream()
                .map(o -> o.getKind() + "/" + o.getMetadata().getName())
                .toList();
    }

    /** The environment variables of the properties in docs/operator.md's configuration table. */
    private static Set<String> documentedEnvironmentVariables() throws IOException {
        var row = Pattern.compile("^\\| `((?:gantry|quarkus)\\.[a-z0-9-]+\\.[a-z0-9.-]+)`");
        return Files.readAllLines(Repository.root().resolve("docs/operator.md")).stream()
                .map(row::matcher)
                .filter(java.util.regex.Matcher::find)
                .map(m -> m.group(1).toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_"))
                .collect(Collectors.toSet());
    }
}
