package dev.gantry.operator.modeldeployment;

import static dev.gantry.operator.testing.Cluster.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A new revision replaces the stable one without a ModelRollout: the test plays the Deployment controller and
 * kubelet (pods become ready only when it says so) and checks the surge and availability bounds at every step.
 */
class RevisionReplacementTest extends ReconcilerTestBase {

    @Test
    void replacesTheRevisionWithinSurgeAndWithoutLosingReadyPods() {
        var stable = readyModel("swap", 3, 1, 0);

        cluster.editSpec("swap", md -> {
            md.getSpec().getModel().setUri("file:///opt/gantry/models/stories260K-v2");
            return md;
        });
        eventually(() -> assertThat(replicas("swap")).hasSize(2));
        var candidate = replicas("swap").keySet().stream()
                .filter(r -> !r.equals(stable))
                .findFirst()
                .orElseThrow();
        assertThat(candidate).isNotEqualTo(stable);

        // The candidate's first pod is still loading: nothing old may go.
        eventually(() -> {
            assertThat(replicas("swap")).containsEntry(stable, 3).containsEntry(candidate, 1);
            assertThat(selector("swap")).doesNotContainKey("gantry.dev/revision");
            assertThat(cluster.reason("swap", "Progressing")).isEqualTo("RevisionRollingOut");
            assertThat(cluster.condition("swap", "Ready").orElseThrow().getStatus())
                    .isEqualTo("True");
            assertThat(cluster.hasEvent("swap", "Normal", "RevisionRollingOut")).isTrue();
        });

        playKubeletUntilOneRevision("swap", 3 + 1, 3);

        eventually(() -> {
            var status = cluster.md("swap").getStatus();
            assertThat(status.getStableRevision()).isEqualTo(candidate);
            assertThat(status.getRevisions())
                    .singleElement()
                    .satisfies(r -> assertThat(r.getName()).isEqualTo(candidate));
            assertThat(selector("swap")).containsEntry("gantry.dev/revision", candidate);
            assertThat(cluster.client()
                            .configMaps()
                            .inNamespace(cluster.namespace())
                            .withName("swap-" + stable + "-runtime")
                            .get())
                    .isNull();
            assertThat(cluster.hasEvent("swap", "Normal", "RevisionPromoted")).isTrue();
        });
    }

    @Test
    void replacesWithoutSurgeWhereNoSpareGpuExists() {
        var stable = readyModel("tight", 2, 0, 1);

        cluster.editSpec("tight", md -> {
            md.getSpec().getModel().setUri("file:///opt/gantry/models/stories260K-v2");
            return md;
        });

        eventually(() -> assertThat(replicas("tight")).containsEntry(stable, 1));
        assertThat(replicas("tight").values().stream()
                        .mapToInt(Integer::intValue)
                        .sum())
                .isLessThanOrEqualTo(2);
        playKubeletUntilOneRevision("tight", 2, 1);
        eventually(() ->
                assertThat(cluster.md("tight").getStatus().getStableRevision()).isNotEqualTo(stable));
    }

    @Test
    void revertingDuringAReplacementReturnsToTheStableRevision() {
        var stable = readyModel("back", 2, 1, 0);
        cluster.editSpec("back", md -> {
            md.getSpec().getModel().setUri("file:///opt/gantry/models/broken");
            return md;
        });
        eventually(() -> assertThat(replicas("back")).hasSize(2));

        cluster.editSpec("back", md -> {
            md.getSpec().getModel().setUri("file:///opt/gantry/models/stories260K");
            return md;
        });

        eventually(() -> {
            assertThat(replicas("back")).containsOnlyKeys(stable).containsEntry(stable, 2);
            assertThat(cluster.md("back").getStatus().getStableRevision()).isEqualTo(stable);
            assertThat(selector("back")).containsEntry("gantry.dev/revision", stable);
        });
    }

    /** Creates a model and makes its pods ready; returns its revision. */
    private String readyModel(String name, int replicas, int surge, int unavailable) {
        var md = small(name, replicas);
        md.getSpec().getUpdateStrategy().setMaxSurge(new IntOrString(surge));
        md.getSpec().getUpdateStrategy().setMaxUnavailable(new IntOrString(unavailable));
        cluster.apply(md);
        eventually(() -> assertThat(cluster.runtimeDeployments(name)).hasSize(1));
        var revision = cluster.runtimeDeployments(name)
                .get(0)
                .getMetadata()
                .getLabels()
                .get("gantry.dev/revision");
        cluster.reportReady(name + "-" + revision, replicas);
        eventually(() -> assertThat(cluster.reason(name, "Ready")).isEqualTo("Available"));
        return revision;
    }

    /** Makes every pod the Deployments ask for ready, step by step, checking the bounds each time. */
    private void playKubeletUntilOneRevision(String md, int maxPods, int minReady) {
        var deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (replicas(md).size() > 1) {
            assertThat(Instant.now()).as("replacement finished in time").isBefore(deadline);
            var wanted = replicas(md);
            assertThat(wanted.values().stream().mapToInt(Integer::intValue).sum())
                    .as("pods asked for, %s", wanted)
                    .isLessThanOrEqualTo(maxPods);
            var ready = cluster.runtimeDeployments(md).stream()
                    .mapToInt(d -> d.getStatus() == null || d.getStatus().getReadyReplicas() == null
                            ? 0
                            : Math.min(
                                    d.getStatus().getReadyReplicas(),
                                    d.getSpec().getReplicas()))
                    .sum();
            assertThat(ready).as("ready pods kept while replacing, %s", wanted).isGreaterThanOrEqualTo(minReady);
            assertThat(cluster.condition(md, "Ready").orElseThrow().getStatus()).isEqualTo("True");
            wanted.forEach((revision, count) -> cluster.reportReady(md + "-" + revision, count));
            sleep(150);
        }
    }

    private Map<String, Integer> replicas(String md) {
        return cluster.runtimeDeployments(md).stream()
                .collect(Collectors.toMap(
                        d -> d.getMetadata().getLabels().get("gantry.dev/revision"),
                        RevisionReplacementTest::replicas));
    }

    private static int replicas(Deployment deployment) {
        return deployment.getSpec().getReplicas() == null
                ? 1
                : deployment.getSpec().getReplicas();
    }

    private Map<String, String> selector(String md) {
        return cluster.client()
                .services()
                .inNamespace(cluster.namespace())
                .withName(md)
                .get()
                .getSpec()
                .getSelector();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
