package dev.gantry.operator.modelrollout;

import static dev.gantry.operator.modelrollout.MachineFixture.CANDIDATE;
import static dev.gantry.operator.modelrollout.MachineFixture.STABLE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.api.v1alpha1.ModelRolloutStatus;
import dev.gantry.api.v1alpha1.rollout.RolloutPhase;
import dev.gantry.api.v1alpha1.rollout.RolloutResult;
import dev.gantry.api.v1alpha1.rollout.Verdict;
import dev.gantry.operator.evaluation.EvaluationReport;
import dev.gantry.operator.modeldeployment.status.Finding;
import dev.gantry.operator.modeldeployment.status.Reason;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every transition of a canary, without a cluster; each state is also checked to survive an operator restart. */
class RolloutMachineTest {

    static final String CANARY = """
            targetRef: {name: assistant}
            strategy:
              canary:
                trafficRouter: GatewayAPI
                scaleDownDelay: 30s
                steps:
                  - setWeight: 20
                  - pause: {duration: 1m}
                  - analysis: {metrics: [error-rate], measurements: 2}
                  - pause: {}
                  - setWeight: 60
            analysis:
              interval: 10s
              failureLimit: 0
              consecutiveErrorLimit: 1
              metrics:
                - name: error-rate
                  builtIn: {type: ErrorRate}
                  successCondition: result < 0.05
            rollback:
              progressDeadline: 5m
            """;

    /** A reconcile, then the ModelDeployment controller applying the split, then the reconcile that reads it back. */
    static ModelRolloutStatus settle(MachineFixture f) {
        f.tick();
        restartChangesNothing(f);
        f.applySplit();
        return f.tick();
    }

    /**
     * An operator restart right after the last reconcile resumes where it stopped: same phase, same step, same
     * split, and no Event (nothing is decided twice).
     */
    static void restartChangesNothing(MachineFixture f) {
        var before = f.status;
        var after = f.restartedTick();
        assertThat(after.getPhase()).as("phase after a restart").isEqualTo(before.getPhase());
        assertThat(after.getCurrentStepIndex()).isEqualTo(before.getCurrentStepIndex());
        assertThat(MachineFixture.json(after.getSplit()))
                .as("traffic after a restart")
                .isEqualTo(MachineFixture.json(before.getSplit()));
        assertThat(f.events).as("Events after a restart").isEmpty();
    }

    static MachineFixture startedCanary() {
        var f = new MachineFixture(CANARY);
        f.tick();
        assertThat(f.status.getPhase()).isEqualTo(RolloutPhase.Idle);
        f.current = CANDIDATE;
        return f;
    }

    @Test
    void startsARolloutWhenTheSpecGetsANewRevision() {
        var f = startedCanary();

        var status = f.tick();

        assertThat(status.getPhase()).isEqualTo(RolloutPhase.Progressing);
        assertThat(status.getCandidateRevision()).isEqualTo(CANDIDATE);
        assertThat(status.getSplit().getWeight()).isZero();
        assertThat(status.getSplit().getCandidateReplicas()).isEqualTo(1);
        assertThat(f.eventReasons()).containsExactly("RolloutStarted");
        assertThat(status.getMessage()).contains("0 of 1 pods ready");
        restartChangesNothing(f);
    }

    @Test
    void setsEachWeightOnlyOnceTheCandidatePodsAreReadyAndReportsTheAppliedWeight() {
        var f = startedCanary();
        var status = settle(f); // the candidate's pod is ready: the gate passes and the first step sets 20%

        assertThat(status.getSplit().getWeight()).isEqualTo(20);
        assertThat(f.eventReasons()).contains("WeightChanged");
        assertThat(status.getCurrentStepIndex()).as("waiting for the router").isZero();
        restartChangesNothing(f);

        f.applySplit();
        status = f.tick();
        assertThat(status.getCurrentWeight()).isEqualTo(20);
        assertThat(status.getCurrentStepIndex()).isEqualTo(1);
        assertThat(status.getStep()).isEqualTo("2/5");
    }

    @Test
    void waitsOutATimedPauseThenAnalysesAndHoldsAtAManualPause() {
        var f = startedCanary();
        settle(f);
        settle(f);
        assertThat(f.status.getCurrentStepIndex()).isEqualTo(1);

        f.advance(Duration.ofSeconds(59));
        assertThat(f.tick().getCurrentStepIndex()).isEqualTo(1);
        assertThat(f.wake).contains(Duration.ofSeconds(1));
        f.advance(Duration.ofSeconds(1));
        var status = f.tick();
        assertThat(status.getCurrentStepIndex()).isEqualTo(2);
        assertThat(status.getAnalysisRun().getWindowStartedAt()).isEqualTo("2025-06-01T10:01:00Z");
        restartChangesNothing(f);

        for (int i = 0; i < 2; i++) {
            f.advance(Duration.ofSeconds(10));
            status = f.tick();
        }
        assertThat(status.getPhase()).isEqualTo(RolloutPhase.Paused);
        assertThat(status.getPauseReason()).isEqualTo("PauseStep");
        assertThat(status.getMeasurements())
                .hasSize(2)
                .allSatisfy(m -> assertThat(m.getVerdict()).isEqualTo(Verdict.Passed));
        assertThat(f.eventReasons()).contains("AnalysisPassed", "Paused");
        restartChangesNothing(f);

        f.annotations.put("gantry.dev/promote", "step");
        status = f.tick();
        assertThat(status.getPhase()).isEqualTo(RolloutPhase.Progressing);
        assertThat(f.consumed).containsExactly("gantry.dev/promote");
        assertThat(status.getSplit().getCandidateReplicas())
                .as("60% of 2 stable pods")
                .isEqualTo(2);
        assertThat(status.getSplit().getWeight())
                .as("not before the second pod is ready")
                .isEqualTo(20);
        f.applySplit();
        assertThat(f.tick().getSplit().getWeight()).isEqualTo(60);
    }

    @Test
    void startsTheIntervalAgainWhenARestartLostTheBuiltInBaseline() {
        var f = startedCanary();
        settle(f);
        settle(f);
        f.advance(Duration.ofMinutes(1));
        f.tick();
        f.advance(Duration.ofSeconds(10));

        var restarted = f.restartedTick();

        assertThat(restarted.getAnalysisRun().getWindowStartedAt()).isEqualTo("2025-06-01T10:01:10Z");
        assertThat(restarted.getAnalysisRun().getMetrics().get(0).getPassed()).isZero();
        assertThat(MachineFixture.json(restarted.getSplit())).isEqualTo(MachineFixture.json(f.status.getSplit()));
    }

    @Test
    void rollsBackWhenAMeasurementFailsBeyondTheFailureLimit() {
        var f = analysing();
        f.checks.verdicts.put("error-rate", Verdict.Failed);
        f.checks.values.put("error-rate", "0.31");

        f.advance(Duration.ofSeconds(10));
        var status = f.tick();

        assertThat(status.getPhase()).isEqualTo(RolloutPhase.RolledBack);
        assertThat(status.getSplit().getCandidateRevision()).isNull();
        assertThat(status.getSplit().getStableRevision()).isEqualTo(STABLE);
        assertThat(status.getSplit().getRetiring()).singleElement().satisfies(r -> {
            assertThat(r.getRevision()).isEqualTo(CANDIDATE);
            assertThat(r.getReplicas()).isZero();
        });
        assertThat(status.getFailedChecks().get(0).getValue()).isEqualTo("0.31");
        assertThat(status.getHistory().get(0).getResult()).isEqualTo(RolloutResult.RolledBack);
        assertThat(f.events)
                .anySatisfy(e -> assertThat(e.warning() + e.reason()).isEqualTo("trueRolledBack"));
        restartChangesNothing(f);

        f.advance(Duration.ofHours(1));
        assertThat(f.tick().getPhase()).as("never retried by itself").isEqualTo(RolloutPhase.RolledBack);
    }

    @Test
    void pausesInsteadOfRollingBackWhenRollbackIsNotAutomatic() {
        var f = analysing(CANARY.replace("progressDeadline: 5m", "progressDeadline: 5m\n  automatic: false"));
        f.checks.verdicts.put("error-rate", Verdict.Failed);
        f.advance(Duration.ofSeconds(10));

        var status = f.tick();

        assertThat(status.getPhase()).isEqualTo(RolloutPhase.Paused);
        assertThat(status.getPauseReason()).isEqualTo("CheckFailed");
        assertThat(status.getSplit().getWeight()).isEqualTo(20);
        restartChangesNothing(f);

        f.annotations.put("gantry.dev/abort", "true");
        status = f.tick();
        assertThat(status.getPhase()).isEqualTo(RolloutPhase.RolledBack);
        assertThat(status.getHistory().get(0).getResult()).isEqualTo(RolloutResult.Aborted);
    }

    @Test
    void failsAfterMoreConsecutiveErrorsThanTheLimit() {
        var f = analysing();
        f.checks.verdicts.put("error-rate", Verdict.Error);

        f.advance(Duration.ofSeconds(10));
        assertThat(f.tick().getPhase()).as("one error is tolerated").isEqualTo(RolloutPhase.Progressing);
        f.advance(Duration.ofSeconds(10));

        assertThat(f.tick().getPhase()).isEqualTo(RolloutPhase.RolledBack);
        assertThat(f.eventReasons()).contains("MeasurementError", "RolledBack");
    }

    @Test
    void inconclusiveDataPausesByDefaultAndRetryRunsTheAnalysisAgain() {
        var f = analysing();
        f.checks.verdicts.put("error-rate", Verdict.Inconclusive);
        f.advance(Duration.ofSeconds(10));

        var status = f.tick();
        assertThat(status.getPhase()).isEqualTo(RolloutPhase.Paused);
        assertThat(status.getPauseReason()).isEqualTo("InconclusiveAnalysis");
        restartChangesNothing(f);

        f.checks.verdicts.put("error-rate", Verdict.Passed);
        f.annotations.put("gantry.dev/retry", "true");
        status = f.tick();
        assertThat(status.getPhase()).isEqualTo(RolloutPhase.Progressing);
        assertThat(status.getAnalysisRun().getMetrics().get(0).getInconclusive())
                .isZero();
    }

    @Test
    void inconclusiveDataCountsAsThePolicySays() {
        var f = analysing(CANARY.replace("consecutiveErrorLimit: 1", "consecutiveErrorLimit: 1\n  inconclusive: Fail"));
        f.checks.verdicts.put("error-rate", Verdict.Inconclusive);
        f.advance(Duration.ofSeconds(10));

        assertThat(f.tick().getPhase()).isEqualTo(RolloutPhase.RolledBack);

        var g = analysing(CANARY.replace("consecutiveErrorLimit: 1", "consecutiveErrorLimit: 1\n  inconclusive: Pass"));
        g.checks.verdicts.put("error-rate", Verdict.Inconclusive);
        g.advance(Duration.ofSeconds(10));
        g.tick();
        g.advance(Duration.ofSeconds(10));
        assertThat(g.tick().getPauseReason()).isEqualTo("PauseStep");
    }

    @Test
    void promotesByGrowingTheCandidateFirstThenSwitchingThenScalingTheOldRevisionDown() {
        var f = startedCanary();
        f.annotations.put("gantry.dev/promote", "full");
        var status = f.tick();
        assertThat(status.getPhase()).isEqualTo(RolloutPhase.Promoting);
        assertThat(status.getPromotion().getFloorReplicas()).isEqualTo(2);
        assertThat(status.getSplit().getCandidateReplicas()).isEqualTo(2);
        assertThat(status.getPromotion().getSwitchedAt())
                .as("not before 2 pods are ready")
                .isNull();
        assertThat(f.eventReasons()).contains("PromotedByCommand");
        restartChangesNothing(f);

        f.applySplit();
        status = f.tick();
        assertThat(status.getPromotion().getSwitchedAt()).isNotNull();
        assertThat(status.getSplit().getStableRevision()).isEqualTo(CANDIDATE);
        assertThat(status.getSplit().getRetiring()).singleElement().satisfies(r -> {
            assertThat(r.getRevision()).isEqualTo(STABLE);
            assertThat(r.getReplicas()).isEqualTo(2);
        });
        assertThat(f.eventReasons()).contains("Promoted");
        restartChangesNothing(f);

        f.applySplit();
        f.advance(Duration.ofSeconds(29));
        assertThat(f.tick().getPhase()).isEqualTo(RolloutPhase.Promoting);
        f.advance(Duration.ofSeconds(1));
        status = f.tick();
        assertThat(status.getPhase()).isEqualTo(RolloutPhase.Succeeded);
        assertThat(status.getStableRevision()).isEqualTo(CANDIDATE);
        assertThat(status.getSplit().getRetiring()).isEmpty();
        assertThat(status.getHistory().get(0).getResult()).isEqualTo(RolloutResult.Succeeded);
        restartChangesNothing(f);
    }

    @Test
    void revertingToStableAbortsAtOnceAndANewRevisionSupersedesTheCandidate() {
        var f = analysing();
        f.current = "cccccccccc";
        var status = f.tick();
        assertThat(status.getCandidateRevision()).isEqualTo("cccccccccc");
        assertThat(status.getHistory().get(0).getReason()).isEqualTo("Superseded");
        assertThat(status.getSplit().getWeight()).isZero();

        f.current = STABLE;
        status = f.tick();
        assertThat(status.getPhase()).isEqualTo(RolloutPhase.Idle);
        assertThat(status.getHistory().get(0).getReason()).isEqualTo("RevertedToStable");
        assertThat(status.getSplit().getCandidateRevision()).isNull();
        assertThat(status.getSplit().getRetiring()).isEmpty();
        assertThat(f.checks.calls).noneMatch(c -> c.startsWith("measure") && c.contains("cccc"));
        restartChangesNothing(f);
    }

    @Test
    void retriesARolledBackRevisionOnlyWhenAskedAndGoesIdleOnARevert() {
        var f = analysing();
        f.annotations.put("gantry.dev/abort", "true");
        assertThat(f.tick().getPhase()).isEqualTo(RolloutPhase.RolledBack);
        f.applySplit();
        assertThat(f.tick().getCurrentWeight()).isZero();

        f.annotations.put("gantry.dev/retry", "true");
        var status = f.tick();
        assertThat(status.getPhase()).isEqualTo(RolloutPhase.Progressing);
        assertThat(status.getCurrentStepIndex()).isZero();
        assertThat(f.eventReasons()).contains("RolloutStarted");

        f.annotations.put("gantry.dev/abort", "true");
        f.tick();
        f.current = STABLE;
        assertThat(f.tick().getPhase()).isEqualTo(RolloutPhase.Idle);
    }

    @Test
    void aStandingPauseHoldsAndItsRemovalResumes() {
        var f = startedCanary();
        settle(f);
        f.annotations.put("gantry.dev/paused", "true");

        var status = f.tick();
        assertThat(status.getPhase()).isEqualTo(RolloutPhase.Paused);
        assertThat(status.getPauseReason()).isEqualTo("Annotation");
        assertThat(f.consumed).as("a standing annotation stays").isEmpty();
        restartChangesNothing(f);

        f.annotations.remove("gantry.dev/paused");
        status = f.tick();
        assertThat(status.getPhase()).isEqualTo(RolloutPhase.Progressing);
        assertThat(f.eventReasons()).contains("Resumed");
    }

    @Test
    void crashLoopingCandidatePodsRollBackAndADeadlinePassedWaitingForPodsToo() {
        var f = startedCanary();
        f.tick();
        f.findings = List.of(new Finding(Reason.CrashLooping, "container runtime exited with code 137 (OOMKilled)", 1));
        var status = f.tick();
        assertThat(status.getPhase()).isEqualTo(RolloutPhase.RolledBack);
        assertThat(status.getFailedChecks().get(0).getValue()).isEqualTo("CrashLooping");

        var g = startedCanary();
        g.tick();
        g.advance(Duration.ofMinutes(5).plusSeconds(1));
        status = g.tick();
        assertThat(status.getPhase()).isEqualTo(RolloutPhase.RolledBack);
        assertThat(status.getFailedChecks().get(0).getValue()).isEqualTo("ProgressDeadlineExceeded");
    }

    @Test
    void anInvalidSpecOrASecondRolloutFailsWithoutMovingTrafficToACandidate() {
        var f = startedCanary();
        f.problems = List.of("spec.analysis.metrics[0].successCondition: cannot read `result <`");
        var status = f.tick();
        assertThat(status.getPhase()).isEqualTo(RolloutPhase.Failed);
        assertThat(status.getSplit().getCandidateRevision()).isNull();
        assertThat(f.eventReasons()).containsExactly("InvalidSpec");
        assertThat(f.tick().getPhase()).isEqualTo(RolloutPhase.Failed);
        assertThat(f.eventReasons()).as("reported once").isEmpty();

        f.problems = List.of();
        assertThat(f.tick().getPhase()).as("fixed").isEqualTo(RolloutPhase.Progressing);

        var g = startedCanary();
        g.owner = Optional.of("older");
        status = g.tick();
        assertThat(status.getPhase()).isEqualTo(RolloutPhase.Failed);
        assertThat(status.getSplit()).isNull();
        assertThat(status.getConditions())
                .anySatisfy(c -> assertThat(c.getReason()).isEqualTo("TargetAlreadyManaged"));
    }

    @Test
    void theEvaluationGatesTheFirstTrafficAndItsErrorsAreRetriedUpToTheLimit() {
        var f = new MachineFixture(CANARY + """
                evaluation:
                  minPassRate: 0.5
                  prompts:
                    - {name: a, prompt: x}
                    - {name: b, prompt: y}
                """);
        f.tick();
        f.current = CANDIDATE;
        f.pods(CANDIDATE, 1);
        f.checks.evaluation = new EvaluationReport(List.of(
                new EvaluationReport.PromptOutcome("a", false, true, "not answered: connection refused"),
                new EvaluationReport.PromptOutcome("b", false, true, "not answered: connection refused")));
        var status = f.tick();
        assertThat(status.getEvaluation().getVerdict()).isEqualTo(Verdict.Error);
        assertThat(status.getSplit().getWeight()).isZero();
        f.tick();
        assertThat(f.tick().getPhase()).as("errors beyond the limit of 1").isEqualTo(RolloutPhase.RolledBack);

        var g = new MachineFixture(CANARY + """
                evaluation:
                  minPassRate: 0.5
                  prompts:
                    - {name: a, prompt: x}
                    - {name: b, prompt: y}
                """);
        g.tick();
        g.current = CANDIDATE;
        g.pods(CANDIDATE, 1);
        g.checks.evaluation = new EvaluationReport(List.of(
                new EvaluationReport.PromptOutcome("a", true, false, "passed"),
                new EvaluationReport.PromptOutcome("b", false, false, "output \"x\" is not \"y\"")));
        status = g.tick();
        assertThat(status.getEvaluation().getVerdict()).isEqualTo(Verdict.Passed);
        assertThat(status.getSplit().getWeight()).isEqualTo(20);
    }

    /** A canary at its analysis step (step 3), 20% applied. */
    static MachineFixture analysing() {
        return analysing(CANARY);
    }

    static MachineFixture analysing(String spec) {
        var f = new MachineFixture(spec);
        f.tick();
        f.current = CANDIDATE;
        settle(f);
        settle(f);
        f.advance(Duration.ofMinutes(1));
        f.tick();
        assertThat(f.status.getAnalysisRun()).isNotNull();
        return f;
    }
}
