package dev.gantry.operator.cli;

import dev.gantry.api.v1alpha1.ModelRolloutStatus;
import dev.gantry.api.v1alpha1.deployment.RevisionRole;
import dev.gantry.api.v1alpha1.deployment.RevisionStatus;
import dev.gantry.api.v1alpha1.rollout.Measurement;
import dev.gantry.api.v1alpha1.rollout.RolloutPhase;
import dev.gantry.api.v1alpha1.rollout.StepState;
import dev.gantry.api.v1alpha1.rollout.StepStatus;
import dev.gantry.api.v1alpha1.rollout.Verdict;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.util.List;
import java.util.function.Consumer;

/**
 * A canary half-way: ModelDeployment {@code assistant} with stable revision 7c9f1e2a3b (two ready pods, 75%) and
 * candidate 4d51a0be92 (one crash-looping pod, 25%), driven by ModelRollout {@code assistant-canary} at step 3/9,
 * as the operator's status would describe them.
 */
final class CanaryInProgress {

    static final String STABLE = "7c9f1e2a3b";
    static final String CANDIDATE = "4d51a0be92";
    static final String ROLLOUT = "assistant-canary";

    private CanaryInProgress() {}

    static void create(CliHarness cli) {
        create(cli, status -> {});
    }

    static void create(CliHarness cli, Consumer<ModelRolloutStatus> rolloutChange) {
        cli.createModelDeployment("""
                apiVersion: gantry.dev/v1alpha1
                kind: ModelDeployment
                metadata: {name: assistant}
                spec:
                  model: {uri: "pvc://models/qwen-v2", name: assistant}
                """, status -> {
            status.setObservedGeneration(1L);
            status.setReady("2/2");
            status.setUrl("https://assistant.example.com");
            status.setCurrentRevision(CANDIDATE);
            status.setStableRevision(STABLE);
            status.setStableModel("pvc://models/qwen-v1");
            status.setActiveRollout(ROLLOUT);
            status.setConditions(List.of(
                    condition("Ready", "True", "Available", "2 of 2 pods ready"),
                    condition("Progressing", "True", "RevisionRollingOut", "ModelRollout moves traffic"),
                    condition("Degraded", "False", "AsExpected", "")));
            status.setRevisions(List.of(
                    revision(STABLE, RevisionRole.Stable, "pvc://models/qwen-v1", 2, 2, 75),
                    revision(CANDIDATE, RevisionRole.Candidate, "pvc://models/qwen-v2", 1, 0, 25)));
        });
        cli.createRollout("""
                apiVersion: gantry.dev/v1alpha1
                kind: ModelRollout
                metadata: {name: assistant-canary, annotations: {team: ml-platform}}
                spec:
                  targetRef: {name: assistant}
                  strategy:
                    canary:
                      steps: [{setWeight: 5}, {setWeight: 25}]
                """, status -> {
            status.setPhase(RolloutPhase.Progressing);
            status.setStrategy("Canary");
            status.setRouter("GatewayAPI");
            status.setStep("3/9");
            status.setCurrentWeight(25);
            status.setStableRevision(STABLE);
            status.setCandidateRevision(CANDIDATE);
            status.setMessage("analysing the candidate at 25%");
            status.setSteps(List.of(
                    step(1, "setWeight 5", StepState.Completed),
                    step(2, "analysis error-rate, latency-p95", StepState.Completed),
                    step(3, "setWeight 25", StepState.Current),
                    step(4, "pause 5m", StepState.Pending)));
            status.setMeasurements(List.of(
                    measurement("error-rate", "0.004", "result < 0.01", Verdict.Passed, "2025-03-01T11:58:00Z"),
                    measurement("latency-p95", "NaN", "result < 8", Verdict.Inconclusive, "2025-03-01T11:59:30Z")));
            rolloutChange.accept(status);
        });
        pod(cli, "assistant-" + STABLE + "-5d8f9-aaaaa", STABLE, "running: {}", true, 0);
        pod(cli, "assistant-" + STABLE + "-5d8f9-bbbbb", STABLE, "running: {}", true, 0);
        pod(cli, "assistant-" + CANDIDATE + "-77c4b-ccccc", CANDIDATE, "waiting: {reason: CrashLoopBackOff}", false, 3);
    }

    private static void pod(CliHarness cli, String name, String revision, String state, boolean ready, int restarts) {
        cli.createPod("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: %s
                  labels:
                    app.kubernetes.io/component: runtime
                    gantry.dev/model-deployment: assistant
                    gantry.dev/revision: %s
                spec:
                  containers: [{name: runtime, image: ghcr.io/gantry-dev/gantry-runtime:0.1.0}]
                status:
                  phase: Running
                  containerStatuses:
                    - {name: runtime, ready: %s, restartCount: %d, image: x, imageID: x, state: {%s}}
                """.formatted(name, revision, ready, restarts, state));
    }

    static Condition condition(String type, String status, String reason, String message) {
        return new ConditionBuilder()
                .withType(type)
                .withStatus(status)
                .withReason(reason)
                .withMessage(message)
                .withLastTransitionTime("2025-03-01T11:00:00Z")
                .build();
    }

    private static RevisionStatus revision(
            String name, RevisionRole role, String model, int replicas, int ready, int traffic) {
        var revision = new RevisionStatus();
        revision.setName(name);
        revision.setRole(role);
        revision.setModel(model);
        revision.setImage("ghcr.io/gantry-dev/gantry-runtime:0.1.0");
        revision.setReplicas(replicas);
        revision.setReadyReplicas(ready);
        revision.setTrafficPercent(traffic);
        return revision;
    }

    private static StepStatus step(int index, String description, StepState state) {
        var step = new StepStatus();
        step.setIndex(index);
        step.setDescription(description);
        step.setState(state);
        return step;
    }

    static Measurement measurement(String metric, String value, String condition, Verdict verdict, String time) {
        var measurement = new Measurement();
        measurement.setMetric(metric);
        measurement.setRevision(CANDIDATE);
        measurement.setValue(value);
        measurement.setCondition(condition);
        measurement.setVerdict(verdict);
        measurement.setTime(time);
        return measurement;
    }
}
