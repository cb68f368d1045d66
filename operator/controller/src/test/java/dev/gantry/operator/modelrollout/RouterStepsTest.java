package dev.gantry.operator.modelrollout;

import static dev.gantry.operator.testing.Cluster.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.api.v1alpha1.rollout.RolloutPhase;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ingress-nginx canary Ingress and the replica-ratio router, asserted at every step of a canary. */
class RouterStepsTest extends RolloutScenarioBase {

    private String canary(String name, String router, String steps) {
        return """
                apiVersion: gantry.dev/v1alpha1
                kind: ModelRollout
                metadata:
                  name: %s
                spec:
                  targetRef: {name: %s}
                  strategy:
                    canary:
                      trafficRouter: %s
                      scaleDownDelay: 800ms
                      steps:
                %s
                """.formatted(name, name, router, steps.indent(10));
    }

    @Test
    void movesTheNginxCanaryIngressWeightStepByStep() {
        var stable = stableModel("chat", "");
        rollout(canary("chat", "IngressNginx", "- setWeight: 20\n- pause: {}\n- setWeight: 60\n- pause: {}\n"));
        awaitPhase("chat", RolloutPhase.Idle);
        var candidate = newRevision("chat", "file:///opt/gantry/models/v2");

        awaitPhase("chat", RolloutPhase.Paused);
        eventually(() -> {
            assertThat(canaryIngress("chat")).isEqualTo(Map.of("weight", "20", "service", "chat-" + candidate));
            assertThat(mr("chat").getStatus().getCurrentWeight()).isEqualTo(20);
        });
        assertThat(serviceSelects("chat")).isEqualTo(stable);

        annotate("chat", "gantry.dev/promote", "step");
        eventually(() -> {
            assertThat(canaryIngress("chat")).isEqualTo(Map.of("weight", "60", "service", "chat-" + candidate));
            assertThat(mr("chat").getStatus().getCurrentWeight()).isEqualTo(60);
            assertThat(mr("chat").getStatus().getPhase()).isEqualTo(RolloutPhase.Paused);
        });

        annotate("chat", "gantry.dev/promote", "step");
        eventually(() -> {
            assertThat(canaryIngress("chat")).isEmpty();
            assertThat(serviceSelects("chat")).isEqualTo(candidate);
        });
        awaitPhase("chat", RolloutPhase.Succeeded);
        eventually(() -> assertThat(cluster.deployment("chat-" + stable)).isNull());
    }

    @Test
    void spreadsTheStableCountOverBothRevisionsWithTheReplicaRatioRouter() {
        var stable = stableModel("embedder", "replicas: 4");
        rollout(
                canary(
                        "embedder",
                        "ReplicaRatio",
                        "- pause: {}\n- setWeight: 25\n- pause: {}\n- setWeight: 50\n- pause: {}\n- setWeight: 75\n- pause: {}\n"));
        awaitPhase("embedder", RolloutPhase.Idle);
        var candidate = newRevision("embedder", "file:///opt/gantry/models/v2");

        // Before any traffic: one candidate pod, which the Service does not select.
        awaitPhase("embedder", RolloutPhase.Paused);
        eventually(() -> {
            assertThat(replicas("embedder-" + candidate)).isEqualTo(1);
            assertThat(replicas("embedder-" + stable)).isEqualTo(4);
            assertThat(serviceSelects("embedder")).isEqualTo(stable);
            assertThat(mr("embedder").getStatus().getCurrentWeight()).isZero();
        });
        int[][] expected = {{1, 3, 25}, {2, 2, 50}, {3, 1, 75}};
        for (var step : expected) {
            annotate("embedder", "gantry.dev/promote", "step");
            eventually(() -> {
                assertThat(replicas("embedder-" + candidate)).isEqualTo(step[0]);
                assertThat(replicas("embedder-" + stable)).isEqualTo(step[1]);
                assertThat(serviceSelects("embedder")).isEqualTo("*");
                assertThat(mr("embedder").getStatus().getCurrentWeight()).isEqualTo(step[2]);
                assertThat(mr("embedder").getStatus().getWeightNote()).contains("replica ratio");
                assertThat(mr("embedder").getStatus().getPhase()).isEqualTo(RolloutPhase.Paused);
            });
        }

        annotate("embedder", "gantry.dev/promote", "step");
        eventually(() -> {
            assertThat(serviceSelects("embedder")).isEqualTo(candidate);
            assertThat(replicas("embedder-" + candidate)).isEqualTo(4);
        });
        awaitPhase("embedder", RolloutPhase.Succeeded);
        eventually(() -> assertThat(cluster.deployment("embedder-" + stable)).isNull());
    }
}
