package dev.gantry.operator.modelrollout;

import static dev.gantry.operator.testing.Cluster.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.api.v1alpha1.rollout.RolloutPhase;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Checks beyond metrics: candidate pods that crash-loop or never get ready fail the rollout; an operator restart
 * resumes at the same step without moving traffic.
 */
class HealthGateTest extends RolloutScenarioBase {

    private String canary(String name, String deadline) {
        return """
                apiVersion: gantry.dev/v1alpha1
                kind: ModelRollout
                metadata:
                  name: %s
                spec:
                  targetRef: {name: %s}
                  strategy:
                    canary:
                      scaleDownDelay: 300ms
                      steps:
                        - setWeight: 40
                        - pause: {}
                        - setWeight: 80
                  rollback:
                    progressDeadline: %s
                """.formatted(name, name, deadline);
    }

    @Test
    void rollsBackACrashLoopingCandidateBeforeItGetsTraffic() {
        var stable = stableModel("crash", "");
        rollout(canary("crash", "30s"));
        awaitPhase("crash", RolloutPhase.Idle);
        var candidate = revisionWith("crash", "file:///opt/gantry/models/oom");
        kubelet.health(candidate, Kubelet.PodHealth.CRASH_LOOPING);
        newRevision("crash", "file:///opt/gantry/models/oom");

        awaitPhase("crash", RolloutPhase.RolledBack);
        var check = mr("crash").getStatus().getFailedChecks().get(0);
        assertThat(check.getMetric()).isEqualTo("health");
        assertThat(check.getValue()).isEqualTo("CrashLooping");
        assertThat(check.getMessage()).contains("OOMKilled");
        eventually(() -> {
            assertThat(routeWeights("crash")).isEqualTo(Map.of("crash-" + stable, 100));
            assertThat(replicas("crash-" + candidate)).isZero();
        });
        assertThat(cluster.hasEvent("crash", "Warning", "RolledBack")).isTrue();
    }

    @Test
    void rollsBackACandidateThatNeverGetsReadyWithinTheProgressDeadline() {
        var stable = stableModel("slow", "");
        rollout(canary("slow", "1500ms"));
        awaitPhase("slow", RolloutPhase.Idle);
        var candidate = revisionWith("slow", "file:///opt/gantry/models/huge");
        kubelet.health(candidate, Kubelet.PodHealth.NEVER_READY);
        newRevision("slow", "file:///opt/gantry/models/huge");

        awaitPhase("slow", RolloutPhase.RolledBack);
        var check = mr("slow").getStatus().getFailedChecks().get(0);
        assertThat(check.getValue()).isEqualTo("ProgressDeadlineExceeded");
        assertThat(check.getMessage()).contains("0 of 1 pods ready");
        assertThat(serviceSelects("slow")).isEqualTo(stable);
    }

    @Test
    void resumesAtTheSameStepWithoutMovingTrafficAfterAnOperatorRestart() {
        var stable = stableModel("restart", "");
        rollout(canary("restart", "30s"));
        awaitPhase("restart", RolloutPhase.Idle);
        var candidate = newRevision("restart", "file:///opt/gantry/models/v2");
        awaitPhase("restart", RolloutPhase.Paused);
        eventually(() -> assertThat(routeWeights("restart")).containsEntry("restart-" + candidate, 40));
        var before = mr("restart").getStatus();

        operator.close();
        operator = RolloutHarness.start(api.client(), servers);
        CanaryGatewayTest.sleep(1500);

        var after = mr("restart").getStatus();
        assertThat(after.getPhase()).isEqualTo(RolloutPhase.Paused);
        assertThat(after.getStep()).isEqualTo(before.getStep()).isEqualTo("2/3");
        assertThat(after.getStepStartedAt()).isEqualTo(before.getStepStartedAt());
        assertThat(routeWeights("restart"))
                .containsEntry("restart-" + candidate, 40)
                .containsEntry("restart-" + stable, 60);

        annotate("restart", "gantry.dev/promote", "step");
        awaitPhase("restart", RolloutPhase.Succeeded);
    }
}
