package dev.gantry.operator.modelrollout;

import static dev.gantry.operator.testing.Cluster.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.api.v1alpha1.ModelRollout;
import dev.gantry.api.v1alpha1.rollout.RolloutPhase;
import dev.gantry.api.v1alpha1.rollout.RolloutResult;
import dev.gantry.operator.testing.Cluster;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Annotations and spec.paused steer a rollout; reverting the spec aborts it; one rollout per ModelDeployment. */
class ManualControlTest extends RolloutScenarioBase {

    private String canary(String name, String steps, String extra) {
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
                %s
                  analysis:
                    interval: 300ms
                    metrics:
                      - name: error-rate
                        builtIn: {type: ErrorRate}
                        successCondition: result < 0.05
                %s
                """.formatted(name, name, steps.indent(10), extra.indent(2));
    }

    @Test
    void passesAManualPauseWithPromoteStepAndAbortsWithAbort() {
        var stable = stableModel("steer", "");
        rollout(canary("steer", "- setWeight: 30\n- pause: {}\n- setWeight: 60\n- pause: {}\n", ""));
        awaitPhase("steer", RolloutPhase.Idle);
        var candidate = newRevision("steer", "file:///opt/gantry/models/v2");
        awaitPhase("steer", RolloutPhase.Paused);
        assertThat(mr("steer").getStatus().getPauseReason()).isEqualTo("PauseStep");
        assertThat(mr("steer").getStatus().getStep()).isEqualTo("2/4");
        assertThat(routeWeights("steer")).containsEntry("steer-" + candidate, 30);

        annotate("steer", "gantry.dev/promote", "step");

        eventually(() -> {
            assertThat(routeWeights("steer")).containsEntry("steer-" + candidate, 60);
            assertThat(mr("steer").getStatus().getStep()).isEqualTo("4/4");
            assertThat(mr("steer").getMetadata().getAnnotations()).doesNotContainKey("gantry.dev/promote");
        });

        annotate("steer", "gantry.dev/abort", "true");

        awaitPhase("steer", RolloutPhase.RolledBack);
        eventually(() -> assertThat(routeWeights("steer")).isEqualTo(Map.of("steer-" + stable, 100)));
        var status = mr("steer").getStatus();
        assertThat(status.getHistory().get(0).getResult()).isEqualTo(RolloutResult.Aborted);
        assertThat(status.getMessage()).contains("aborted with gantry.dev/abort=true");
        assertThat(mr("steer").getMetadata().getAnnotations()).doesNotContainKey("gantry.dev/abort");
        assertThat(cluster.hasEvent("steer", "Normal", "PromotedByCommand")).isTrue();
        assertThat(cluster.hasEvent("steer", "Normal", "RolledBack")).isTrue();
    }

    @Test
    void revertingTheModelDeploymentToStableAbortsAtOnceWithoutAnalysis() {
        var stable = stableModel("revert", "");
        rollout(canary("revert", "- setWeight: 20\n- analysis: {measurements: 100}\n", ""));
        awaitPhase("revert", RolloutPhase.Idle);
        var candidate = newRevision("revert", "file:///opt/gantry/models/v2");
        eventually(() -> assertThat(mr("revert").getStatus().getAnalysisRun()).isNotNull());
        int measured = mr("revert").getStatus().getMeasurements().size();

        newRevision("revert", "file:///opt/gantry/models/stories260K");

        awaitPhase("revert", RolloutPhase.Idle);
        var status = mr("revert").getStatus();
        assertThat(status.getHistory().get(0).getReason()).isEqualTo("RevertedToStable");
        assertThat(status.getMeasurements().size())
                .as("no analysis after the revert")
                .isLessThanOrEqualTo(measured + 2);
        eventually(() -> {
            assertThat(routeWeights("revert")).isEqualTo(Map.of("revert-" + stable, 100));
            assertThat(cluster.deployment("revert-" + candidate)).isNull();
            assertThat(md("revert").getStatus().getActiveRollout()).isNull();
        });
    }

    @Test
    void aSecondRolloutOnTheSameModelDeploymentSaysSoAndDoesNothing() {
        stableModel("shared", "");
        rollout(canary("shared", "- setWeight: 50\n", ""));
        awaitPhase("shared", RolloutPhase.Idle);
        var second = api.client()
                .getKubernetesSerialization()
                .unmarshal(
                        canary("shared-too", "- setWeight: 10\n", "")
                                .replace("targetRef: {name: shared-too}", "targetRef: {name: shared}"),
                        ModelRollout.class);
        second.getMetadata().setNamespace(cluster.namespace());
        api.client().resource(second).create();

        awaitPhase("shared-too", RolloutPhase.Failed);
        var candidate = newRevision("shared", "file:///opt/gantry/models/v2");
        awaitPhase("shared", RolloutPhase.Succeeded);

        var status = mr("shared-too").getStatus();
        assertThat(status.getConditions())
                .anySatisfy(
                        c -> assertThat(c.getType() + "/" + c.getReason()).isEqualTo("Healthy/TargetAlreadyManaged"));
        assertThat(status.getMessage()).contains("already driven by ModelRollout shared");
        assertThat(status.getSplit()).isNull();
        assertThat(status.getCandidateRevision()).isNull();
        eventually(
                () -> assertThat(md("shared").getStatus().getStableRevision()).isEqualTo(candidate));
        assertThat(cluster.hasEvent("shared-too", "Warning", "TargetAlreadyManaged"))
                .isTrue();
    }

    @Test
    void specPausedHoldsTheRolloutUntilItIsUnset() {
        stableModel("gitops", "");
        rollout(canary("gitops", "- setWeight: 25\n- setWeight: 50\n", "paused: true"));
        awaitPhase("gitops", RolloutPhase.Idle);
        var candidate = newRevision("gitops", "file:///opt/gantry/models/v2");

        awaitPhase("gitops", RolloutPhase.Paused);
        assertThat(mr("gitops").getStatus().getPauseReason()).isEqualTo("Spec");
        CanaryGatewayTest.sleep(800);
        assertThat(routeWeights("gitops")).containsEntry("gitops-" + candidate, 0);

        Cluster.retryingConflicts(() -> api.client()
                .resources(ModelRollout.class)
                .inNamespace(cluster.namespace())
                .withName("gitops")
                .edit(mr -> {
                    mr.getSpec().setPaused(false);
                    return mr;
                }));
        awaitPhase("gitops", RolloutPhase.Succeeded);
    }
}
