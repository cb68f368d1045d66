package dev.gantry.operator.modeldeployment.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.api.v1alpha1.ModelDeployment;
import dev.gantry.operator.modeldeployment.validation.SpecProblem;
import dev.gantry.operator.render.ModelDeploymentRenderer;
import dev.gantry.operator.render.OperatorDefaults;
import dev.gantry.operator.render.RevisionSpec;
import dev.gantry.operator.testing.Fixtures;
import dev.gantry.operator.testing.MutableClock;
import dev.gantry.operator.traffic.TrafficSplit;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatusFactoryTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2025-05-05T10:00:00Z"));
    private final StatusFactory factory = new StatusFactory(clock);
    private final ModelDeployment md = Fixtures.example("cpu-tiny", "models");
    private final String revision = ModelDeploymentRenderer.currentRevision(md, OperatorDefaults.standard());

    @Test
    void keepsTheTransitionTimeWhileAConditionKeepsItsStatus() {
        md.setStatus(factory.build(inputs(List.of(), deployment(0), List.of())));
        clock.advance(Duration.ofMinutes(5));

        var later = factory.build(inputs(List.of(), deployment(0), List.of(loadingPod())));

        var ready = Conditions.find(later.getConditions(), Conditions.READY).orElseThrow();
        assertThat(ready.getReason()).isEqualTo("ModelLoading");
        assertThat(ready.getMessage()).isEqualTo("0 of 1 pods ready; 1 loading the model (startup budget 10m)");
        assertThat(ready.getLastTransitionTime()).isEqualTo("2025-05-05T10:00:00Z");
    }

    @Test
    void movesTheTransitionTimeWhenTheStatusFlips() {
        md.setStatus(factory.build(inputs(List.of(), deployment(0), List.of())));
        clock.advance(Duration.ofMinutes(5));

        var later = factory.build(inputs(List.of(), deployment(1), List.of()));

        var ready = Conditions.find(later.getConditions(), Conditions.READY).orElseThrow();
        assertThat(ready.getStatus()).isEqualTo("True");
        assertThat(ready.getLastTransitionTime()).isEqualTo("2025-05-05T10:05:00Z");
        assertThat(later.getReady()).isEqualTo("1/1");
    }

    @Test
    void reportsEveryProblemWithItsFieldAndLeavesTheRevisionsAsTheyWere() {
        md.setStatus(factory.build(inputs(List.of(), deployment(1), List.of())));
        var problems = List.of(
                new SpecProblem("spec.auth.apiKeysSecretRef.name", Reason.SecretNotFound, "Secret k does not exist"),
                new SpecProblem(
                        "spec.model.uri",
                        Reason.PersistentVolumeClaimNotFound,
                        "PersistentVolumeClaim m does not exist"));

        var status = factory.build(inputs(problems, deployment(1), List.of()));

        var ready = Conditions.find(status.getConditions(), Conditions.READY).orElseThrow();
        assertThat(ready.getReason()).isEqualTo("SecretNotFound");
        assertThat(ready.getMessage())
                .isEqualTo("spec.auth.apiKeysSecretRef.name: Secret k does not exist; spec.model.uri: "
                        + "PersistentVolumeClaim m does not exist. Running pods were left as they were.");
        assertThat(status.getStableRevision()).isEqualTo(revision);
        assertThat(Conditions.find(status.getConditions(), Conditions.DEGRADED)
                        .orElseThrow()
                        .getStatus())
                .isEqualTo("True");
    }

    @Test
    void saysWhenADeploymentOutranItsProgressDeadline() {
        var stuck = new DeploymentBuilder(deployment(0))
                .editStatus()
                .addNewCondition()
                .withType("Progressing")
                .withStatus("False")
                .withReason("ProgressDeadlineExceeded")
                .withMessage("ReplicaSet \"tiny-x-1\" has timed out progressing.")
                .endCondition()
                .endStatus()
                .build();

        var status = factory.build(inputs(List.of(), stuck, List.of()));

        var progressing =
                Conditions.find(status.getConditions(), Conditions.PROGRESSING).orElseThrow();
        assertThat(progressing.getStatus()).isEqualTo("False");
        assertThat(progressing.getReason()).isEqualTo("ProgressDeadlineExceeded");
        assertThat(Conditions.find(status.getConditions(), Conditions.DEGRADED)
                        .orElseThrow()
                        .getReason())
                .isEqualTo("ProgressDeadlineExceeded");
    }

    @Test
    void namesUnschedulablePodsAndTheSchedulersReason() {
        var pending = new PodBuilder(loadingPod())
                .editStatus()
                .withContainerStatuses()
                .withPhase("Pending")
                .addNewCondition()
                .withType("PodScheduled")
                .withStatus("False")
                .withReason("Unschedulable")
                .withMessage("0/4 nodes are available: 4 Insufficient nvidia.com/gpu.")
                .endCondition()
                .endStatus()
                .build();

        var status = factory.build(inputs(List.of(), deployment(0), List.of(pending)));

        assertThat(Conditions.find(status.getConditions(), Conditions.READY)
                        .orElseThrow()
                        .getMessage())
                .isEqualTo("0 of 1 pods ready: pod tiny-pod cannot be scheduled: 0/4 nodes are available: 4 "
                        + "Insufficient nvidia.com/gpu.");
    }

    private StatusInputs inputs(List<SpecProblem> problems, Deployment deployment, List<Pod> pods) {
        var spec = RevisionSpec.of("tiny", md.getSpec(), OperatorDefaults.standard());
        md.getMetadata().setGeneration(1L);
        return new StatusInputs(
                md,
                revision,
                problems,
                problems.isEmpty() ? TrafficSplit.allToStable(revision) : null,
                Map.of(revision, spec),
                Map.of(revision, deployment),
                pods,
                1,
                Optional.of(1),
                false);
    }

    private Deployment deployment(int ready) {
        return new DeploymentBuilder()
                .withNewMetadata()
                .withName("tiny-" + revision)
                .endMetadata()
                .withNewSpec()
                .withReplicas(1)
                .endSpec()
                .withNewStatus()
                .withReadyReplicas(ready)
                .withAvailableReplicas(ready)
                .endStatus()
                .build();
    }

    private Pod loadingPod() {
        return new PodBuilder()
                .withNewMetadata()
                .withName("tiny-pod")
                .addToLabels("app.kubernetes.io/component", "runtime")
                .endMetadata()
                .withNewStatus()
                .withPhase("Running")
                .addNewContainerStatus()
                .withName("runtime")
                .withReady(false)
                .withNewState()
                .withNewRunning()
                .endRunning()
                .endState()
                .endContainerStatus()
                .endStatus()
                .build();
    }
}
