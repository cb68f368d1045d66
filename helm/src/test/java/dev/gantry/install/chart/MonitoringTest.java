package dev.gantry.install.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.install.Manifests;
import dev.gantry.install.Repository;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.Rule;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The optional monitoring objects scrape what the operator really runs and alert on series that really exist. */
class MonitoringTest {

    static final Map<String, Object> ENABLED = Map.of(
            "metrics",
            Map.of(
                    "serviceMonitor", Map.of("enabled", true),
                    "runtimePodMonitor", Map.of("enabled", true),
                    "prometheusRule", Map.of("enabled", true)));

    @Test
    void everyAlertUsesADocumentedSeries() throws IOException {
        var rule = HelmChart.render(ENABLED).one(PrometheusRule.class, "gantry");
        var documented = Files.readString(Repository.root().resolve("docs/metrics.md"))
                + Files.readString(Repository.root().resolve("docs/operator.md"));

        var series = expressions(rule).stream()
                .flatMap(expr -> Pattern.compile("gantry_[a-z_]+").matcher(expr).results())
                .map(m -> m.group().replaceAll("_(bucket|count|sum)$", ""))
                .collect(Collectors.toSet());

        assertThat(series)
                .isNotEmpty()
                .allSatisfy(name -> assertThat(documented).contains("`" + name));
        assertThat(rule.getSpec().getGroups())
                .flatExtracting(g -> g.getRules())
                .allSatisfy(r -> assertThat(r.getAnnotations()).containsKeys("summary", "runbook"));
    }

    @Test
    void thresholdsComeFromTheValues() {
        var rule = HelmChart.render(Map.of(
                        "metrics",
                        Map.of(
                                "prometheusRule",
                                Map.of("enabled", true, "errorRate", 0.02, "timeToFirstTokenP95", 1.5))))
                .one(PrometheusRule.class, "gantry");

        assertThat(alert(rule, "GantryModelErrorRateHigh").getExpr().getStrVal())
                .contains("> 0.02");
        assertThat(alert(rule, "GantryModelSlowFirstToken").getExpr().getStrVal())
                .contains("> 1.5");
        assertThat(alert(rule, "GantryModelErrorRateHigh").getAnnotations().get("summary"))
                .startsWith("More than 2% of requests");
    }

    @Test
    void runtimePodMonitorSelectsThePodsTheOperatorRendersOnTheirHttpPort() throws IOException {
        var monitor = HelmChart.render(ENABLED).one(PodMonitor.class, "gantry-runtime");
        var golden = Files.readString(
                Repository.root().resolve("operator/controller/src/test/resources/golden/examples/cpu-tiny.yaml"));
        var runtimePod = Manifests.parse(golden).stream()
                .filter(Deployment.class::isInstance)
                .map(Deployment.class::cast)
                .filter(d -> "runtime".equals(d.getMetadata().getLabels().get("app.kubernetes.io/component")))
                .findFirst()
                .orElseThrow()
                .getSpec()
                .getTemplate();

        assertThat(runtimePod.getMetadata().getLabels())
                .containsAllEntriesOf(monitor.getSpec().getSelector().getMatchLabels());
        assertThat(monitor.getSpec().getNamespaceSelector().getAny()).isTrue();
        var endpoint = monitor.getSpec().getPodMetricsEndpoints().get(0);
        assertThat(endpoint.getPath()).isEqualTo("/metrics");
        assertThat(runtimePod.getSpec().getContainers().get(0).getPorts())
                .anyMatch(p -> p.getName().equals(endpoint.getPort()));
    }

    @Test
    void runtimePodMonitorStaysInTheWatchedNamespaces() {
        var monitor = HelmChart.render(Map.of(
                        "watchNamespaces", List.of("models"),
                        "metrics", Map.of("runtimePodMonitor", Map.of("enabled", true))))
                .one(PodMonitor.class, "gantry-runtime");

        assertThat(monitor.getSpec().getNamespaceSelector().getMatchNames()).containsExactly("models");
    }

    private static List<String> expressions(PrometheusRule rule) {
        return rule.getSpec().getGroups().stream()
                .flatMap(g -> g.getRules().stream())
                .map(r -> r.getExpr().getStrVal())
                .toList();
    }

    private static Rule alert(PrometheusRule rule, String name) {
        return rule.getSpec().getGroups().stream()
                .flatMap(g -> g.getRules().stream())
                .filter(r -> name.equals(r.getAlert()))
                .findFirst()
                .orElseThrow();
    }
}
