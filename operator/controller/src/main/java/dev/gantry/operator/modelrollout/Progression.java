package dev.gantry.operator.modelrollout;

import dev.gantry.api.v1alpha1.rollout.RolloutPhase;
import dev.gantry.api.v1alpha1.rollout.TrafficRouter;

/**
 * Progressing and Paused: the gate, then the strategy's steps in order (set a weight, pause, analyse), with the
 * manual commands that pass a step, promote, retry a check, and the standing pause.
 */
final class Progression {

    /** Bounds how many steps one reconcile completes (a run of instant steps), so a reconcile stays short. */
    private static final int MAX_STEPS_PER_RECONCILE = 8;

    private enum Outcome {
        DONE,
        WAIT,
        STOPPED
    }

    private Progression() {}

    static void advance(Rollout r) {
        if (!holdOrResume(r)) {
            return;
        }
        var status = r.status;
        if (status.getPhase() == RolloutPhase.Paused && !pausedCommand(r)) {
            return;
        }
        if (r.commands.promote().filter(p -> p == Commands.Promote.FULL).isPresent()) {
            r.commands.use(Commands.PROMOTE);
            r.normal("PromotedByCommand", "promote=full: " + RolloutSummary.where(r) + " skipped to promotion");
            Promotion.enter(r);
            Promotion.advance(r);
            return;
        }
        for (int i = 0; i < MAX_STEPS_PER_RECONCILE; i++) {
            if (!Gate.passed(r)) {
                if (!Gate.advance(r)) {
                    return;
                }
                continue;
            }
            if (r.stepIndex() >= r.steps.size()) {
                Promotion.enter(r);
                Promotion.advance(r);
                return;
            }
            if (r.commands.promote().isPresent()) {
                r.commands.use(Commands.PROMOTE);
                r.normal("PromotedByCommand", "promote=step: " + RolloutSummary.where(r) + " passed by hand");
                complete(r);
                continue;
            }
            var outcome = run(r, r.steps.get(r.stepIndex()));
            if (outcome != Outcome.DONE) {
                return;
            }
            complete(r);
        }
        r.wakeIn(java.time.Duration.ZERO);
    }

    /** The standing pause: holds a progressing rollout, resumes a held one. False when the rollout holds. */
    private static boolean holdOrResume(Rollout r) {
        var status = r.status;
        var hold = r.commands.hold();
        if (status.getPhase() == RolloutPhase.Paused && PauseReasons.standing(status.getPauseReason())) {
            if (hold.isPresent()) {
                status.setPauseReason(hold.get());
                return false;
            }
            status.setPhase(RolloutPhase.Progressing);
            status.setPauseReason(null);
            status.setStepStartedAt(r.nowText());
            r.normal("Resumed", "resumed " + RolloutSummary.where(r));
            return true;
        }
        if (hold.isPresent() && status.getPhase() == RolloutPhase.Progressing) {
            status.setPhase(RolloutPhase.Paused);
            status.setPauseReason(hold.get());
            var how = hold.get().equals(PauseReasons.SPEC)
                    ? "spec.paused is true; set it to false to resume"
                    : "gantry.dev/paused=true; resume with `" + r.command("gantry.dev/paused-") + "`";
            r.message("paused " + RolloutSummary.where(r) + ": " + how);
            r.normal("Paused", "paused " + RolloutSummary.where(r) + " (" + how + ")");
            return false;
        }
        return true;
    }

    /** Commands that end a pause (a pause step, a wait for promotion, an inconclusive or failed check). */
    private static boolean pausedCommand(Rollout r) {
        var status = r.status;
        var reason = status.getPauseReason();
        boolean checkPause = PauseReasons.INCONCLUSIVE.equals(reason) || PauseReasons.CHECK_FAILED.equals(reason);
        var promote = r.commands.promote();
        if (promote.isPresent()) {
            if (promote.get() == Commands.Promote.STEP) {
                r.commands.use(Commands.PROMOTE);
                r.normal("PromotedByCommand", "promote=step: " + RolloutSummary.where(r) + " passed by hand");
                if (!Gate.passed(r)) {
                    Gate.override(r);
                } else {
                    complete(r);
                }
                status.setPhase(RolloutPhase.Progressing);
                status.setPauseReason(null);
            }
            return true; // promote=full is handled by the caller
        }
        if (checkPause && r.commands.retry()) {
            r.commands.use(Commands.RETRY);
            status.setPhase(RolloutPhase.Progressing);
            status.setPauseReason(null);
            status.setAnalysisRun(null);
            if (!Gate.passed(r)) {
                status.setEvaluation(null);
            }
            status.setStepStartedAt(r.nowText());
            r.normal("Retrying", "retry: " + RolloutSummary.where(r) + " runs its checks again");
            return true;
        }
        r.message(PauseReasons.message(r));
        return false;
    }

    private static Outcome run(Rollout r, Steps.Step step) {
        if (step instanceof Steps.SetWeight weight) {
            return setWeight(r, weight.weight());
        }
        if (step instanceof Steps.Pause pause) {
            return pause(r, pause);
        }
        var analysis = (Steps.Analysis) step;
        var result = AnalysisRunner.run(r, analysis.name(), r.candidate(), analysis.spec());
        switch (result.outcome()) {
            case PASSED -> {
                r.normal(
                        "AnalysisPassed",
                        "the " + analysis.name() + " analysis of revision " + r.candidate() + " passed");
                return Outcome.DONE;
            }
            case FAILED -> {
                Failures.checkFailed(r, "AnalysisFailed", result.decisive());
                return Outcome.STOPPED;
            }
            case INCONCLUSIVE -> {
                r.status.setPhase(RolloutPhase.Paused);
                r.status.setPauseReason(PauseReasons.INCONCLUSIVE);
                r.message(PauseReasons.message(r));
                r.normal(
                        "Paused",
                        "the " + analysis.name() + " analysis of revision " + r.candidate() + " had no conclusive data;"
                                + " paused (analysis.inconclusive: Pause)");
                return Outcome.STOPPED;
            }
            default -> {
                return Outcome.WAIT;
            }
        }
    }

    private static Outcome setWeight(Rollout r, int weight) {
        var split = r.split();
        var candidate = r.candidate();
        int wanted = ReplicaPlan.candidateFor(r, weight);
        split.setCandidateReplicas(Math.max(wanted, ReplicaPlan.initial(r)));
        int ready = r.seen.ready(candidate);
        if (ready < wanted) {
            return Failures.waiting(
                            r,
                            RolloutSummary.where(r) + ": " + ready + " of " + wanted + " candidate pods ready for "
                                    + weight + "%")
                    ? Outcome.WAIT
                    : Outcome.STOPPED;
        }
        boolean ratio = r.router() == TrafficRouter.ReplicaRatio;
        if (ratio) {
            split.setStableReplicas(ReplicaPlan.stableFor(r, wanted));
        }
        int before = split.getWeight() == null ? 0 : split.getWeight();
        if (before != weight) {
            split.setWeight(weight);
            r.normal(
                    "WeightChanged",
                    "revision " + candidate + ": weight " + before + "% -> " + weight + "% (" + RolloutSummary.where(r)
                            + ")");
        }
        var applied = r.seen.candidateShare();
        boolean done = ratio
                ? r.seen.pods(r.stable()).replicas() == split.getStableReplicas()
                        && applied != null
                        && (weight == 100 ? applied == 100 : applied > 0 || weight == 0)
                : applied != null && applied == weight;
        if (done) {
            return Outcome.DONE;
        }
        return Failures.waiting(
                        r,
                        RolloutSummary.where(r) + ": waiting for the router to apply " + weight + "% (applied: "
                                + (applied == null ? "none yet" : applied + "%") + ")")
                ? Outcome.WAIT
                : Outcome.STOPPED;
    }

    private static Outcome pause(Rollout r, Steps.Pause pause) {
        if (pause.duration() == null) {
            r.status.setPhase(RolloutPhase.Paused);
            r.status.setPauseReason(pause.promotionGate() ? PauseReasons.AWAITING_PROMOTION : PauseReasons.PAUSE_STEP);
            r.message(PauseReasons.message(r));
            r.normal(
                    "Paused",
                    pause.promotionGate()
                            ? "revision " + r.candidate() + " is ready for promotion; waiting for a person"
                            : "paused " + RolloutSummary.where(r) + " until promoted");
            return Outcome.STOPPED;
        }
        var end = r.stepStartedAt().plus(pause.duration());
        if (!r.now.isBefore(end)) {
            return Outcome.DONE;
        }
        r.wakeAt(end);
        r.message(RolloutSummary.where(r) + ": " + (pause.promotionGate() ? "promoting at " : "pausing until ")
                + Rollout.time(end));
        return Outcome.WAIT;
    }

    /** Moves to the next step. */
    static void complete(Rollout r) {
        r.status.setCurrentStepIndex(r.stepIndex() + 1);
        r.status.setStepStartedAt(r.nowText());
        r.status.setAnalysisRun(null);
        r.status.setPauseReason(null);
        r.status.setPhase(RolloutPhase.Progressing);
    }
}
