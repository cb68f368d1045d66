package dev.gantry.operator.modelrollout;

import static dev.gantry.operator.modelrollout.MachineFixture.CANDIDATE;
import static dev.gantry.operator.modelrollout.MachineFixture.STABLE;
import static dev.gantry.operator.modelrollout.RolloutMachineTest.restartChangesNothing;
import static dev.gantry.operator.modelrollout.RolloutMachineTest.settle;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.api.v1alpha1.rollout.RolloutPhase;
import dev.gantry.api.v1alpha1.rollout.TrafficRouter;
import dev.gantry.api.v1alpha1.rollout.Verdict;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Blue-green and replica-ratio transitions of the state machine, each state checked across a restart. */
class BlueGreenAndRatioMachineTest {

    private static final String BLUE_GREEN = """
            targetRef: {name: assistant}
            strategy:
              blueGreen:
                autoPromotionAfter: 1m
                postPromotionAnalysis: {measurements: 1}
                scaleDownDelay: 2m
            analysis:
              interval: 10s
              metrics:
                - name: error-rate
                  builtIn: {type: ErrorRate}
                  successCondition: result < 0.05
            """;

    private static MachineFixture blueGreen() {
        var f = new MachineFixture(BLUE_GREEN);
        f.pods(STABLE, 3);
        f.tick();
        f.current = CANDIDATE;
        return f;
    }

    @Test
    void bringsTheCandidateUpAtFullSizeBehindItsPreviewServiceThenPromotesAfterTheDelay() {
        var f = blueGreen();
        var status = f.tick();
        assertThat(status.getSplit().getCandidateReplicas()).isEqualTo(3);
        assertThat(status.getSplit().getPreviewService()).isEqualTo("assistant-preview");
        assertThat(status.getSplit().getRouter()).isEqualTo(TrafficRouter.ReplicaRatio);
        assertThat(status.getRouter()).isEqualTo("ActiveService");
        restartChangesNothing(f);

        f.applySplit();
        status = f.tick();
        assertThat(status.getCurrentStepIndex()).isZero();
        assertThat(status.getMessage()).contains("promoting at 2025-06-01T10:01:00Z");
        f.advance(Duration.ofMinutes(1));
        status = f.tick();
        assertThat(status.getPhase()).isEqualTo(RolloutPhase.Promoting);
        assertThat(status.getSplit().getWeight()).as("one switch").isEqualTo(100);
        assertThat(status.getSplit().getStableReplicas())
                .as("held for a switch back")
                .isEqualTo(3);
        assertThat(status.getSplit().getStableRevision()).isEqualTo(STABLE);
        restartChangesNothing(f);

        f.applySplit();
        f.advance(Duration.ofSeconds(10));
        status = f.tick();
        assertThat(status.getPromotion().getPostPromotionAnalysis()).isEqualTo(Verdict.Passed);
        assertThat(status.getPhase()).as("the old revision waits out the delay").isEqualTo(RolloutPhase.Promoting);
        restartChangesNothing(f);

        f.advance(Duration.ofMinutes(2));
        status = f.tick();
        assertThat(status.getPhase()).isEqualTo(RolloutPhase.Succeeded);
        assertThat(status.getSplit().getStableRevision()).isEqualTo(CANDIDATE);
        assertThat(status.getSplit().getStableReplicas())
                .as("back to the spec or the autoscaler")
                .isNull();
        assertThat(status.getSplit().getPreviewService()).isNull();

        assertThat(f.targetStable)
                .as("the ModelDeployment has not applied it yet")
                .isEqualTo(STABLE);
        assertThat(f.tick().getPhase())
                .as("no new rollout of the promoted revision")
                .isEqualTo(RolloutPhase.Succeeded);
        assertThat(f.eventReasons()).isEmpty();
    }

    @Test
    void switchesBackWhenThePostPromotionAnalysisFails() {
        var f = blueGreen();
        settle(f);
        f.advance(Duration.ofMinutes(1));
        f.tick();
        f.applySplit();
        f.checks.verdicts.put("error-rate", Verdict.Failed);
        f.advance(Duration.ofSeconds(10));

        var status = f.tick();

        assertThat(status.getPhase()).isEqualTo(RolloutPhase.RolledBack);
        assertThat(status.getSplit().getStableRevision()).isEqualTo(STABLE);
        assertThat(status.getSplit().getCandidateRevision()).isNull();
        assertThat(status.getSplit().getWeight()).isZero();
        assertThat(status.getSplit().getStableReplicas()).isNull();
        restartChangesNothing(f);
    }

    @Test
    void replicaRatioSpreadsTheStableCountAndBringsCandidatePodsUpBeforeTakingStableOnesAway() {
        var f = new MachineFixture("""
                targetRef: {name: assistant}
                strategy:
                  canary:
                    trafficRouter: ReplicaRatio
                    steps:
                      - setWeight: 50
                """);
        f.pods(STABLE, 4);
        f.tick();
        f.current = CANDIDATE;
        var status = f.tick();
        assertThat(status.getSplit().getTotalReplicas()).isEqualTo(4);
        assertThat(status.getSplit().getCandidateReplicas()).isEqualTo(1);
        assertThat(status.getSplit().getStableReplicas()).isNull();

        f.applySplit();
        status = f.tick();
        assertThat(status.getSplit().getCandidateReplicas()).isEqualTo(2);
        assertThat(status.getSplit().getStableReplicas())
                .as("not before 2 candidate pods are ready")
                .isNull();
        restartChangesNothing(f);

        f.applySplit();
        status = f.tick();
        assertThat(status.getSplit().getStableReplicas()).isEqualTo(2);
        assertThat(status.getSplit().getWeight()).isEqualTo(50);
    }
}
