package dev.gantry.operator.modelrollout;

import static dev.gantry.operator.testing.Cluster.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.api.v1alpha1.rollout.RolloutPhase;
import dev.gantry.api.v1alpha1.rollout.Verdict;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Canaries through the HTTPRoute, with built-in, Prometheus and webhook analysis against loopback servers whose
 * values the tests change; the HTTPRoute's weights are asserted at every step.
 */
class CanaryGatewayTest extends RolloutScenarioBase {

    private String canary(String name, String steps) {
        return """
                apiVersion: gantry.dev/v1alpha1
                kind: ModelRollout
                metadata:
                  name: %s
                spec:
                  targetRef: {name: %s}
                  strategy:
                    canary:
                      trafficRouter: GatewayAPI
                      scaleDownDelay: 600ms
                      steps:
                %s
                  analysis:
                    interval: 400ms
                    metrics:
                      - name: error-rate
                        builtIn: {type: ErrorRate, minSamples: 3}
                        successCondition: result < 0.05
                      - name: p95
                        builtIn: {type: LatencyP95, minSamples: 3}
                        successCondition: result < 1
                      - name: gpu-memory
                        prometheus:
                          address: %s
                          query: max(gpu_used{namespace="{{namespace}}", pod=~"{{name}}-{{revision}}-.*"})
                        successCondition: result < 0.95
                      - name: quality
                        webhook: {url: %s, timeout: 2s}
                  rollback:
                    progressDeadline: 20s
                """.formatted(name, name, steps.indent(10), servers.prometheusAddress(), servers.webhookUrl());
    }

    @Test
    void promotesACanaryThatPassesEveryStep() {
        var stable = stableModel("pass", "");
        rollout(canary("pass", """
                - setWeight: 25
                - analysis: {measurements: 2}
                - setWeight: 50
                - pause: {duration: 300ms}
                - analysis: {metrics: [error-rate, gpu-memory]}
                """));
        awaitPhase("pass", RolloutPhase.Idle);
        var candidate = newRevision("pass", "file:///opt/gantry/models/stories260K-v2");
        servers.prometheusValue(candidate, 0.5);

        eventually(() -> assertThat(routeWeights("pass"))
                .containsEntry("pass-" + candidate, 25)
                .containsEntry("pass-" + stable, 75));
        eventually(() -> assertThat(mr("pass").getStatus().getCurrentWeight()).isEqualTo(25));
        var podTemplate = cluster.deployment("pass-" + candidate).getSpec().getTemplate();
        eventually(() -> assertThat(routeWeights("pass"))
                .containsEntry("pass-" + candidate, 50)
                .containsEntry("pass-" + stable, 50));
        awaitPhase("pass", RolloutPhase.Succeeded);

        var status = mr("pass").getStatus();
        assertThat(status.getStableRevision()).isEqualTo(candidate);
        assertThat(status.getMeasurements())
                .extracting(m -> m.getMetric() + ":" + m.getVerdict())
                .contains("error-rate:Passed", "p95:Passed", "gpu-memory:Passed", "quality:Passed");
        assertThat(status.getMeasurements())
                .allSatisfy(m -> assertThat(m.getVerdict()).isEqualTo(Verdict.Passed));
        assertThat(status.getHistory().get(0).getResult().name()).isEqualTo("Succeeded");
        eventually(() -> {
            assertThat(routeWeights("pass")).isEqualTo(Map.of("pass-" + candidate, 100));
            assertThat(md("pass").getStatus().getStableRevision()).isEqualTo(candidate);
            assertThat(cluster.deployment("pass-" + stable)).isNull();
            assertThat(serviceSelects("pass")).isEqualTo(candidate);
        });
        assertThat(cluster.deployment("pass-" + candidate).getSpec().getTemplate())
                .as("promotion restarts no pod")
                .isEqualTo(podTemplate);
        assertThat(servers.prometheusQueries)
                .anySatisfy(q -> assertThat(q)
                        .contains("pod=~\"pass-" + candidate + "-.*\"")
                        .contains("namespace=\"" + cluster.namespace() + "\""));
        assertThat(servers.webhookCalls).anySatisfy(body -> {
            assertThat(body.path("candidateRevision").asText()).isEqualTo(candidate);
            assertThat(body.path("rollout").path("name").asText()).isEqualTo("pass");
        });
        for (var reason : new String[] {"RolloutStarted", "WeightChanged", "AnalysisPassed", "Promoted", "Succeeded"}) {
            assertThat(cluster.hasEvent("pass", "Normal", reason)).as(reason).isTrue();
        }
    }

    @Test
    void rollsBackWhenTheErrorRateRisesAtHalfTrafficAndWaitsForARetry() {
        var stable = stableModel("bad", "");
        rollout(canary("bad", """
                - setWeight: 25
                - analysis: {}
                - setWeight: 50
                - analysis: {measurements: 4}
                - setWeight: 100
                """));
        awaitPhase("bad", RolloutPhase.Idle);
        var candidate = newRevision("bad", "file:///opt/gantry/models/broken");
        servers.prometheusValue(candidate, 0.5);
        eventually(
                () -> assertThat(routeWeights("bad")).as(() -> describe("bad")).containsEntry("bad-" + candidate, 50));

        servers.runtimes.errorShare(candidate, 0.5);

        awaitPhase("bad", RolloutPhase.RolledBack);
        eventually(() -> {
            assertThat(routeWeights("bad")).isEqualTo(Map.of("bad-" + stable, 100));
            assertThat(replicas("bad-" + candidate)).isZero();
            assertThat(mr("bad").getStatus().getCurrentWeight()).isZero();
        });
        var status = mr("bad").getStatus();
        assertThat(status.getFailedChecks()).first().satisfies(check -> {
            assertThat(check.getMetric()).isEqualTo("error-rate");
            assertThat(Double.parseDouble(check.getValue())).isGreaterThan(0.3);
            assertThat(check.getCondition()).isEqualTo("result < 0.05");
        });
        assertThat(status.getMessage())
                .contains("error-rate")
                .contains("result < 0.05")
                .contains("retry=true");
        assertThat(status.getConditions())
                .anySatisfy(c -> assertThat(c.getType() + "/" + c.getStatus() + "/" + c.getReason())
                        .isEqualTo("Healthy/False/AnalysisFailed"));
        assertThat(cluster.hasEvent("bad", "Warning", "RolledBack")).isTrue();
        assertThat(cluster.hasEvent("bad", "Warning", "AnalysisFailed")).isTrue();
        assertThat(md("bad").getStatus().getStableRevision()).isEqualTo(stable);

        sleep(1500);
        assertThat(mr("bad").getStatus().getPhase()).as("not retried by itself").isEqualTo(RolloutPhase.RolledBack);

        servers.runtimes.errorShare(candidate, 0.0);
        annotate("bad", "gantry.dev/retry", "true");
        eventually(() -> {
            assertThat(mr("bad").getMetadata().getAnnotations()).doesNotContainKey("gantry.dev/retry");
            assertThat(routeWeights("bad")).containsEntry("bad-" + candidate, 25);
        });
        awaitPhase("bad", RolloutPhase.Succeeded);
    }

    @Test
    void pausesWhenTheCandidateHasNoTrafficAndResumesOnRetry() {
        stableModel("quiet", "");
        rollout(canary("quiet", """
                - setWeight: 10
                - analysis: {metrics: [error-rate]}
                """));
        awaitPhase("quiet", RolloutPhase.Idle);
        var candidate = newRevision("quiet", "file:///opt/gantry/models/stories260K-v2");
        servers.runtimes.behave(candidate, new FakeRuntimes.Behaviour(0, 0, 0.2));

        awaitPhase("quiet", RolloutPhase.Paused);
        var status = mr("quiet").getStatus();
        assertThat(status.getPauseReason()).isEqualTo("InconclusiveAnalysis");
        assertThat(status.getMeasurements().get(0).getVerdict()).isEqualTo(Verdict.Inconclusive);
        assertThat(status.getMessage()).contains("no conclusive data").contains("gantry.dev/retry=true");
        assertThat(routeWeights("quiet")).containsEntry("quiet-" + candidate, 10);

        servers.runtimes.behave(candidate, new FakeRuntimes.Behaviour(40, 0, 0.2));
        annotate("quiet", "gantry.dev/retry", "true");
        awaitPhase("quiet", RolloutPhase.Succeeded);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
