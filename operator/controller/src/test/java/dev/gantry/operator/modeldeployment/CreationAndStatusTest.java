package dev.gantry.operator.modeldeployment;

import static dev.gantry.operator.testing.Cluster.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.operator.testing.Fixtures;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CreationAndStatusTest extends ReconcilerTestBase {

    @Test
    void materialisesEveryChildOfTheTinyExampleLabelledAndOwned() {
        var md = cluster.apply(Fixtures.example("cpu-tiny", cluster.namespace()));

        eventually(() -> assertThat(cluster.md("tiny").getStatus().getObservedGeneration())
                .isEqualTo(1L));
        var status = cluster.md("tiny").getStatus();
        var revision = status.getCurrentRevision();
        var client = cluster.client();
        var ns = cluster.namespace();
        List<HasMetadata> children = java.util.Arrays.asList(
                client.apps()
                        .deployments()
                        .inNamespace(ns)
                        .withName("tiny-" + revision)
                        .get(),
                client.configMaps()
                        .inNamespace(ns)
                        .withName("tiny-" + revision + "-runtime")
                        .get(),
                client.services().inNamespace(ns).withName("tiny-" + revision).get(),
                client.services().inNamespace(ns).withName("tiny").get(),
                client.resources(ServiceAccount.class)
                        .inNamespace(ns)
                        .withName("tiny-runtime")
                        .get(),
                client.apps()
                        .deployments()
                        .inNamespace(ns)
                        .withName("tiny-cache")
                        .get(),
                client.services().inNamespace(ns).withName("tiny-cache").get(),
                client.configMaps()
                        .inNamespace(ns)
                        .withName("tiny-cache-config")
                        .get(),
                client.resources(Secret.class)
                        .inNamespace(ns)
                        .withName("tiny-cache-auth")
                        .get(),
                client.resources(NetworkPolicy.class)
                        .inNamespace(ns)
                        .withName("tiny-cache")
                        .get());
        assertThat(children).doesNotContainNull().allSatisfy(child -> {
            assertThat(child.getMetadata().getLabels())
                    .containsEntry("app.kubernetes.io/managed-by", "gantry-operator")
                    .containsEntry("app.kubernetes.io/part-of", "gantry")
                    .containsEntry("app.kubernetes.io/instance", "tiny")
                    .containsEntry("gantry.dev/model-deployment", "tiny");
            assertThat(child.getMetadata().getOwnerReferences())
                    .singleElement()
                    .satisfies(owner -> assertThat(owner.getUid())
                            .isEqualTo(md.getMetadata().getUid()));
        });
        assertThat(status.getObservedGeneration()).isEqualTo(1L);
        assertThat(status.getStableRevision()).isEqualTo(revision);
        assertThat(status.getUrl()).isEqualTo("http://tiny." + ns + ".svc");
        assertThat(status.getCache().getEndpoint()).isEqualTo("tiny-cache." + ns + ".svc:6379");
    }

    @Test
    void becomesReadyWhenItsPodsAreAndKeepsTransitionTimesOfUnchangedConditions() {
        cluster.apply(small("answer", 2));
        eventually(() -> assertThat(cluster.reason("answer", "Ready")).isEqualTo("MinimumReplicasUnavailable"));
        var revision = cluster.md("answer").getStatus().getCurrentRevision();
        var degradedSince =
                cluster.condition("answer", "Degraded").orElseThrow().getLastTransitionTime();
        clock.advance(Duration.ofMinutes(3));
        var readySince = java.time.format.DateTimeFormatter.ISO_INSTANT.format(
                clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));

        cluster.reportReady("answer-" + revision, 2);

        eventually(() -> {
            assertThat(cluster.condition("answer", "Ready").orElseThrow().getStatus())
                    .isEqualTo("True");
            assertThat(cluster.reason("answer", "Ready")).isEqualTo("Available");
            assertThat(cluster.reason("answer", "Progressing")).isEqualTo("RevisionAvailable");
        });
        var status = cluster.md("answer").getStatus();
        assertThat(status.getReady()).isEqualTo("2/2");
        assertThat(status.getRevisions()).singleElement().satisfies(r -> {
            assertThat(r.getTrafficPercent()).isEqualTo(100);
            assertThat(r.getReadyReplicas()).isEqualTo(2);
        });
        assertThat(cluster.condition("answer", "Ready").orElseThrow().getLastTransitionTime())
                .isEqualTo(readySince);
        assertThat(cluster.condition("answer", "Degraded").orElseThrow().getLastTransitionTime())
                .isEqualTo(degradedSince);
        eventually(() ->
                assertThat(cluster.hasEvent("answer", "Normal", "Available")).isTrue());
    }

    @Test
    void reportsCrashLoopingPodsWithAWarningAndKeepsReporting() {
        cluster.apply(small("crashy", 1));
        eventually(() -> assertThat(cluster.md("crashy").getStatus().getCurrentRevision())
                .isNotNull());
        var revision = cluster.md("crashy").getStatus().getCurrentRevision();

        cluster.client()
                .resource(pod("crashy", revision, "CrashLoopBackOff", "OOMKilled", 137))
                .create();

        eventually(() -> {
            assertThat(cluster.reason("crashy", "Ready")).isEqualTo("CrashLooping");
            assertThat(cluster.condition("crashy", "Degraded").orElseThrow().getStatus())
                    .isEqualTo("True");
            assertThat(cluster.condition("crashy", "Degraded").orElseThrow().getMessage())
                    .contains("exited with code 137 (OOMKilled)");
            assertThat(cluster.hasEvent("crashy", "Warning", "CrashLooping")).isTrue();
        });
    }

    @Test
    void reportsImagePullFailuresBeforeCrashes() {
        cluster.apply(small("pull", 1));
        eventually(() ->
                assertThat(cluster.md("pull").getStatus().getCurrentRevision()).isNotNull());
        var revision = cluster.md("pull").getStatus().getCurrentRevision();

        cluster.client()
                .resource(pod("pull", revision, "ImagePullBackOff", null, null))
                .create();

        eventually(() -> {
            assertThat(cluster.reason("pull", "Ready")).isEqualTo("ImagePullFailing");
            assertThat(cluster.condition("pull", "Ready").orElseThrow().getMessage())
                    .contains("cannot pull image ghcr.io/gantry-dev/gantry-runtime:0.1.0");
        });
    }

    @Test
    void patchesTheStatusOnlyWhenItChanges() throws InterruptedException {
        cluster.apply(small("quiet", 1));
        eventually(() -> assertThat(cluster.reason("quiet", "Ready")).isEqualTo("MinimumReplicasUnavailable"));
        var revision = cluster.md("quiet").getStatus().getCurrentRevision();
        cluster.reportReady("quiet-" + revision, 1);
        eventually(() -> assertThat(cluster.reason("quiet", "Ready")).isEqualTo("Available"));
        var statusApplies = statusApplies("quiet");

        // Events that change nothing the status shows: a child edited by hand, then restored.
        cluster.client()
                .services()
                .inNamespace(cluster.namespace())
                .withName("quiet")
                .edit(s -> {
                    s.getSpec().getSelector().put("app.kubernetes.io/component", "someone-else");
                    return s;
                });
        eventually(() -> assertThat(service("quiet").getSpec().getSelector())
                .containsEntry("app.kubernetes.io/component", "runtime"));
        Thread.sleep(500);

        assertThat(statusApplies("quiet")).isEqualTo(statusApplies);
    }

    private long statusApplies(String md) {
        return api.dispatcher().applies().stream()
                .filter(a -> a.path().endsWith("/" + cluster.namespace() + "/modeldeployments/" + md))
                .filter(a -> a.body().has("status"))
                .count();
    }

    private Service service(String name) {
        return cluster.client()
                .services()
                .inNamespace(cluster.namespace())
                .withName(name)
                .get();
    }

    private io.fabric8.kubernetes.api.model.Pod pod(
            String md, String revision, String waiting, String lastReason, Integer exit) {
        var container = new ContainerStatusBuilder()
                .withName("runtime")
                .withImage("ghcr.io/gantry-dev/gantry-runtime:0.1.0")
                .withReady(false)
                .withRestartCount(4)
                .withNewState()
                .withNewWaiting()
                .withReason(waiting)
                .withMessage(waiting.equals("ImagePullBackOff") ? null : "back-off 5m0s restarting failed container")
                .endWaiting()
                .endState();
        if (exit != null) {
            container
                    .withNewLastState()
                    .withNewTerminated()
                    .withExitCode(exit)
                    .withReason(lastReason)
                    .endTerminated()
                    .endLastState();
        }
        return new PodBuilder()
                .withNewMetadata()
                .withName(md + "-" + revision + "-abcde")
                .withNamespace(cluster.namespace())
                .addToLabels("app.kubernetes.io/managed-by", "gantry-operator")
                .addToLabels("app.kubernetes.io/component", "runtime")
                .addToLabels("gantry.dev/model-deployment", md)
                .addToLabels("gantry.dev/revision", revision)
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("runtime")
                .withImage("ghcr.io/gantry-dev/gantry-runtime:0.1.0")
                .endContainer()
                .endSpec()
                .withNewStatus()
                .withPhase("Running")
                .withContainerStatuses(container.build())
                .endStatus()
                .build();
    }
}
