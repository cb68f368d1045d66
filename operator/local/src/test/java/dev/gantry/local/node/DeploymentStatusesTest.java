package dev.gantry.local.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Deployment status as the Deployment controller reports it. */
class DeploymentStatusesTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:10:00Z");

    @Test
    void reportsAvailableAndCompleteWhenEveryPodOfTheTemplateIsReady() {
        var status = DeploymentStatuses.compute(
                deployment(2), new DeploymentStatuses.Counts(2, 2, 2, 0), 0, NOW.minusSeconds(5), NOW);

        assertThat(status.getObservedGeneration()).isEqualTo(3L);
        assertThat(status.getReadyReplicas()).isEqualTo(2);
        assertThat(condition(status.getConditions(), "Available").getReason()).isEqualTo("MinimumReplicasAvailable");
        assertThat(condition(status.getConditions(), "Progressing").getReason()).isEqualTo("NewReplicaSetAvailable");
    }

    @Test
    void reportsTheProgressDeadlineWhenPodsMadeNoProgressForTooLong() {
        var status = DeploymentStatuses.compute(
                deployment(2), new DeploymentStatuses.Counts(2, 2, 0, 0), 0, NOW.minusSeconds(700), NOW);

        var progressing = condition(status.getConditions(), "Progressing");
        assertThat(progressing.getStatus()).isEqualTo("False");
        assertThat(progressing.getReason()).isEqualTo("ProgressDeadlineExceeded");
        assertThat(condition(status.getConditions(), "Available").getStatus()).isEqualTo("False");
    }

    @Test
    void keepsTheTransitionTimeWhileAConditionsStatusDoesNotChange() {
        var first = DeploymentStatuses.compute(deployment(1), new DeploymentStatuses.Counts(1, 1, 1, 0), 0, NOW, NOW);
        var deployment = deployment(1);
        deployment.setStatus(first);

        var later = DeploymentStatuses.compute(
                deployment, new DeploymentStatuses.Counts(1, 1, 1, 0), 0, NOW, NOW.plusSeconds(60));

        assertThat(later).isEqualTo(first);
    }

    private static Deployment deployment(int replicas) {
        return new DeploymentBuilder()
                .withNewMetadata()
                .withName("stories-abc")
                .withGeneration(3L)
                .endMetadata()
                .withNewSpec()
                .withReplicas(replicas)
                .withProgressDeadlineSeconds(600)
                .endSpec()
                .build();
    }

    private static DeploymentCondition condition(java.util.List<DeploymentCondition> conditions, String type) {
        return conditions.stream()
                .filter(c -> type.equals(c.getType()))
                .findFirst()
                .orElseThrow();
    }
}
