package dev.gantry.local.e2e;

import static dev.gantry.local.e2e.LocalModeFixture.NAMESPACE;
import static dev.gantry.local.e2e.LocalModeFixture.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gantry.api.v1alpha1.rollout.RolloutPhase;
import dev.gantry.local.LocalCluster;
import dev.gantry.local.traffic.Traffic;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Rollouts end to end on local mode, with a client sending completions through the gateway the whole time and
 * counting every answer: a canary promoted, a failing candidate rolled back, a blue-green promoted with the kubectl
 * plugin, and a rollout that survives the operator being killed. One local mode serves the four in order; each
 * starts from a settled rollout with its own spec (src/test/resources/rollouts/) and a new revision.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RolloutIT {

    private static LocalCluster cluster;
    private static Traffic traffic;
    private String stable;

    @BeforeAll
    static void start() {
        cluster = LocalModeFixture.startServing("rollout-it");
        traffic = Traffic.start(cluster.gatewayUrl(), 10, false);
    }

    @AfterAll
    static void stop() {
        if (traffic != null) {
            traffic.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @BeforeEach
    void settled() {
        stable = Rollouts.awaitSettled(cluster);
    }

    @Test
    @Order(1)
    void promotesACanaryThatPassesAnalysisWithoutAFailedRequestOrARestart() throws Exception {
        Rollouts.useSpec(cluster, "canary.yaml");
        var recorder = RolloutRecorder.start(cluster);
        long before = traffic.count();

        Rollouts.patchModel(cluster, "{\"spec\":{\"runtime\":{\"generation\":{\"defaults\":{\"maxTokens\":64}}}}}");
        var candidate = candidateRevision();
        Rollouts.awaitStatus(cluster, s -> s.getCurrentStepIndex() != null && s.getCurrentStepIndex() >= 3);
        var canaryPods = Rollouts.pods(cluster, candidate);
        var done = Rollouts.awaitStatus(cluster, s -> s.getPhase() == RolloutPhase.Succeeded);
        var succeededAt = Instant.now();
        Thread.sleep(1500);
        recorder.close();
        var during = traffic.outcomes().subList((int) before, (int) traffic.count());

        assertThat(during)
                .hasSizeGreaterThan(100)
                .allSatisfy(o -> assertThat(o.ok()).as(o.toString()).isTrue());
        assertThat(recorder.shares(Rollouts.service(candidate)))
                .as("the candidate's share of the gateway's traffic, step by step")
                .containsExactly(0, 25, 50, 100);
        assertThat(recorder.stepIndexes()).as("steps in order").isSorted().contains(1, 3);
        assertThat(done.getStableRevision()).isEqualTo(candidate);
        assertThat(canaryPods).as("the canary's pod at 50%").hasSize(1);
        assertThat(Rollouts.pods(cluster, candidate))
                .as("the canary's pods are now stable pods, same names and processes (no restart)")
                .containsAllEntriesOf(canaryPods)
                .hasSize(2);
        assertThat(Rollouts.pods(cluster, stable)).as("the old revision's pods").isEmpty();
        assertThat(backendRefs()).containsExactly(Rollouts.service(candidate));
        assertThat(during.stream().filter(o -> o.at().isAfter(succeededAt)))
                .isNotEmpty()
                .allSatisfy(o -> assertThat(o.upstream()).startsWith(Rollouts.upstreamPrefix(candidate)));
    }

    @Test
    @Order(2)
    void rollsBackACandidateThatFailsItsRequestsAndNoRequestFailsAfterwards() throws Exception {
        Rollouts.useSpec(cluster, "canary.yaml");
        var recorder = RolloutRecorder.start(cluster);
        long before = traffic.count();

        Rollouts.patchModel(
                cluster,
                "{\"spec\":{\"runtime\":{\"env\":[{\"name\":\"GANTRY_PROFILE\",\"value\":\"test\"},"
                        + "{\"name\":\"GANTRY_FAULT_ERROR_RATE\",\"value\":\"0.5\"}]}}}");
        var candidate = candidateRevision();
        var rolledBack = Rollouts.awaitStatus(cluster, s -> s.getPhase() == RolloutPhase.RolledBack);
        var rolledBackAt = Instant.now();
        var allStable = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> recorder.first(
                                rolledBackAt.minusSeconds(10),
                                s -> s.phase() != null
                                        && s.phase().equals("RolledBack")
                                        && Integer.valueOf(100).equals(s.share(Rollouts.service(stable)))),
                        java.util.Optional::isPresent)
                .orElseThrow();
        Thread.sleep(3000);
        var during = traffic.outcomes().subList((int) before, (int) traffic.count());
        Rollouts.removeRuntimeEnv(cluster);
        var reverted = Rollouts.awaitStatus(cluster, s -> s.getPhase() == RolloutPhase.Idle);
        recorder.close();
        var failures = during.stream().filter(o -> !o.ok()).toList();

        var check = rolledBack.getFailedChecks().stream()
                .filter(m -> "error-rate".equals(m.getMetric()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("failedChecks: " + rolledBack.getFailedChecks()));
        assertThat(Double.parseDouble(check.getValue()))
                .as("the error rate measured")
                .isGreaterThan(0.05);
        assertThat(check.getCondition()).contains("result < 0.05");
        assertThat(rolledBack.getMessage()).contains("error-rate", check.getValue(), "0.05");
        assertThat(recorder.shares(Rollouts.service(candidate)))
                .as(
                        "the candidate's share: 25% (50% in the rare case that its first sample had no error), then nothing")
                .startsWith(0, 25)
                .endsWith(0)
                .doesNotContain(100);
        assertThat(failures)
                .as("the candidate's injected errors reached the client")
                .isNotEmpty()
                .allSatisfy(o -> {
                    assertThat(o.status()).as(o.toString()).isEqualTo(500);
                    assertThat(o.upstream()).as(o.toString()).startsWith(Rollouts.upstreamPrefix(candidate));
                });
        assertThat(during.stream().filter(o -> o.at().isAfter(allStable.at())))
                .as("requests sent once the gateway routed everything to the stable revision")
                .hasSizeGreaterThan(20)
                .allSatisfy(o -> {
                    assertThat(o.ok()).as(o.toString()).isTrue();
                    assertThat(o.upstream()).startsWith(Rollouts.upstreamPrefix(stable));
                });
        assertThat(reverted.getStableRevision()).isEqualTo(stable);
        await().atMost(PATIENCE)
                .untilAsserted(
                        () -> assertThat(Rollouts.pods(cluster, candidate)).isEmpty());
    }

    @Test
    @Order(3)
    void promotesABlueGreenCandidateWithTheKubectlPluginWithoutAFailedRequest() throws Exception {
        Rollouts.useSpec(cluster, "blue-green.yaml");
        long before = traffic.count();

        Rollouts.patchModel(cluster, "{\"spec\":{\"runtime\":{\"generation\":{\"defaults\":{\"maxTokens\":48}}}}}");
        var candidate = candidateRevision();
        var waiting = Rollouts.awaitStatus(
                cluster, s -> s.getPhase() == RolloutPhase.Paused && "AwaitingPromotion".equals(s.getPauseReason()));
        var previewed = Completions.post(
                cluster.gatewayUrl(),
                "/v1/completions",
                "{\"prompt\":\"Lily\",\"max_tokens\":4}",
                "stories-preview." + NAMESPACE + ".svc");
        var bluePods = Rollouts.pods(cluster, candidate);
        var beforePromotion = traffic.outcomes().subList((int) before, (int) traffic.count());
        var promote = Rollouts.kubectlGantry(cluster, "promote", LocalModeFixture.MODEL);
        var done = Rollouts.awaitStatus(cluster, s -> s.getPhase() == RolloutPhase.Succeeded);
        var succeededAt = Instant.now();
        Thread.sleep(1500);
        var during = traffic.outcomes().subList((int) before, (int) traffic.count());

        assertThat(waiting.getEvaluation()).as("evaluation prompts").isNotNull();
        assertThat(previewed.statusCode()).isEqualTo(200);
        assertThat(previewed.headers().firstValue("X-Gantry-Upstream"))
                .as("the preview Service reaches the candidate")
                .hasValueSatisfying(u -> assertThat(u).startsWith(Rollouts.upstreamPrefix(candidate)));
        assertThat(bluePods).as("the candidate at full size").hasSize(2);
        assertThat(beforePromotion)
                .as("no client request reached the candidate before promotion")
                .isNotEmpty()
                .allSatisfy(o -> assertThat(o.upstream()).startsWith(Rollouts.upstreamPrefix(stable)));
        assertThat(promote.exit()).as(promote.output()).isZero();
        assertThat(promote.output())
                .startsWith("ModelRollout " + NAMESPACE + "/stories: promotion past the current step requested");
        assertThat(during).allSatisfy(o -> assertThat(o.ok()).as(o.toString()).isTrue());
        assertThat(done.getStableRevision()).isEqualTo(candidate);
        assertThat(Rollouts.pods(cluster, candidate))
                .as("the same pods, not restarted")
                .isEqualTo(bluePods);
        assertThat(cluster.client()
                        .services()
                        .inNamespace(NAMESPACE)
                        .withName("stories-preview")
                        .get())
                .as("the preview Service is removed")
                .isNull();
        assertThat(during.stream().filter(o -> o.at().isAfter(succeededAt)))
                .isNotEmpty()
                .allSatisfy(o -> assertThat(o.upstream()).startsWith(Rollouts.upstreamPrefix(candidate)));
    }

    @Test
    @Order(4)
    void resumesARolloutAtTheSameStepAfterTheOperatorIsKilledAndCompletesIt() throws Exception {
        Rollouts.useSpec(cluster, "canary-long-analysis.yaml");
        var recorder = RolloutRecorder.start(cluster);
        long before = traffic.count();
        Rollouts.patchModel(cluster, "{\"spec\":{\"runtime\":{\"generation\":{\"defaults\":{\"maxTokens\":40}}}}}");
        var candidate = candidateRevision();
        var analysing = Rollouts.awaitStatus(
                cluster,
                s -> Integer.valueOf(1).equals(s.getCurrentStepIndex())
                        && s.getAnalysisRun() != null
                        && s.getAnalysisRun().getMetrics() != null
                        && s.getAnalysisRun().getMetrics().stream()
                                .anyMatch(m -> m.getPassed() != null && m.getPassed() >= 1));
        var operator = ProcessHandle.of(cluster.operator().process().pid()).orElseThrow();

        operator.destroyForcibly(); // kill -9
        operator.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
        var killedAt = Instant.now();
        var atKill = Rollouts.rollout(cluster);

        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(250)).until(() -> {
            var current = cluster.operator().process();
            return current.pid() != operator.pid() && cluster.operator().ready();
        });
        var restartedAt = cluster.operator().process().startedAt();
        var done = Rollouts.awaitStatus(cluster, s -> s.getPhase() == RolloutPhase.Succeeded);
        Thread.sleep(1000);
        recorder.close();
        var during = traffic.outcomes().subList((int) before, (int) traffic.count());
        var firstWrite = recorder.first(
                        killedAt,
                        s -> !s.resourceVersion().equals(atKill.getMetadata().getResourceVersion()))
                .orElseThrow();

        assertThat(cluster.operator().restarts())
                .as("local mode started the killed operator again")
                .isEqualTo(1);
        assertThat(firstWrite.at())
                .as("nothing changed the rollout while no operator ran")
                .isAfter(restartedAt);
        assertThat(atKill.getStatus().getCurrentStepIndex()).isEqualTo(analysing.getCurrentStepIndex());
        assertThat(firstWrite.stepIndex())
                .as("the restarted operator's first status: same step")
                .isEqualTo(atKill.getStatus().getCurrentStepIndex());
        assertThat(firstWrite.weight())
                .as("same weight")
                .isEqualTo(atKill.getStatus().getCurrentWeight());
        assertThat(firstWrite.analysisPasses())
                .as("the analysis' passes, kept in the status")
                .isGreaterThanOrEqualTo(1);
        assertThat(recorder.stepIndexes()).as("no step ran twice").isSorted();
        assertThat(recorder.shares(Rollouts.service(candidate)))
                .as("traffic never moved backwards")
                .containsExactly(0, 50, 100);
        assertThat(done.getStableRevision()).isEqualTo(candidate);
        assertThat(during)
                .hasSizeGreaterThan(50)
                .allSatisfy(o -> assertThat(o.ok()).as(o.toString()).isTrue());
    }

    /** The candidate of the rollout the last change started. */
    private String candidateRevision() {
        var status = Rollouts.awaitStatus(
                cluster,
                s -> s.getCandidateRevision() != null
                        && !s.getCandidateRevision().equals(stable));
        return status.getCandidateRevision();
    }

    private static List<String> backendRefs() {
        var route = cluster.client()
                .resources(HTTPRoute.class)
                .inNamespace(NAMESPACE)
                .withName(LocalModeFixture.MODEL)
                .get();
        return route.getSpec().getRules().stream()
                .flatMap(r -> r.getBackendRefs().stream())
                .map(b -> b.getName())
                .toList();
    }
}
