package dev.gantry.operator.modelrollout;

import dev.gantry.api.v1alpha1.rollout.PromotionProgress;
import dev.gantry.api.v1alpha1.rollout.RevisionReplicas;
import dev.gantry.api.v1alpha1.rollout.RolloutPhase;
import dev.gantry.api.v1alpha1.rollout.RolloutResult;
import dev.gantry.api.v1alpha1.rollout.Verdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The final promotion, in three stages kept in {@code status.promotion}: the candidate grows to at least the stable
 * revision's pod count; then all traffic switches to it in one change (a canary's candidate becomes the stable
 * revision; a blue-green switch moves the active Service, with the old revision held at its size for a switch
 * back while post-promotion analysis runs); then, a scale-down delay later, the old revision goes. No pod restarts.
 */
final class Promotion {

    private Promotion() {}

    static void enter(Rollout r) {
        var status = r.status;
        status.setPhase(RolloutPhase.Promoting);
        status.setPauseReason(null);
        status.setCurrentStepIndex(r.steps.size());
        status.setStepStartedAt(r.nowText());
        status.setAnalysisRun(null);
        var promotion = new PromotionProgress();
        promotion.setFloorReplicas(ReplicaPlan.floor(r));
        status.setPromotion(promotion);
    }

    static void advance(Rollout r) {
        var promotion = r.status.getPromotion();
        if (r.status.getPhase() == RolloutPhase.Paused && !resume(r, promotion)) {
            return;
        }
        if (promotion.getSwitchedAt() == null) {
            scaleUpThenSwitch(r, promotion);
            if (promotion.getSwitchedAt() != null && promotion.getPostPromotionAnalysis() == null) {
                postPromotionAnalysis(r, promotion); // its first interval starts with the switch
            }
            return;
        }
        if (promotion.getPostPromotionAnalysis() == null && !postPromotionAnalysis(r, promotion)) {
            return;
        }
        var candidate = r.candidate();
        var share = r.seen.candidateShare();
        if (share == null || share != 100) {
            Failures.waiting(
                    r,
                    "promoting revision " + candidate + ": waiting for the router to send it all traffic (applied: "
                            + (share == null ? "none yet" : share + "%") + ")");
            return;
        }
        var end = Instant.parse(promotion.getSwitchedAt()).plus(r.scaleDownDelay());
        if (r.now.isBefore(end)) {
            r.wakeAt(end);
            r.message("revision " + candidate + " takes all traffic; revision " + r.stable()
                    + " stays up, without traffic, until " + Rollout.time(end));
            return;
        }
        finish(r);
    }

    private static void scaleUpThenSwitch(Rollout r, PromotionProgress promotion) {
        var split = r.split();
        var candidate = r.candidate();
        int floor = promotion.getFloorReplicas();
        split.setCandidateReplicas(
                Math.max(floor, split.getCandidateReplicas() == null ? 0 : split.getCandidateReplicas()));
        int ready = r.seen.ready(candidate);
        if (ready < floor) {
            Failures.waiting(
                    r,
                    "promoting revision " + candidate + ": " + ready + " of " + floor
                            + " pods ready before it takes all traffic");
            return;
        }
        var stable = r.stable();
        int stablePods = r.seen.pods(stable).replicas();
        if (r.blueGreen()) {
            split.setWeight(100);
            split.setStableReplicas(stablePods); // held, not autoscaled, while a switch back is possible
        } else {
            var retiring = new RevisionReplicas();
            retiring.setRevision(stable);
            retiring.setReplicas(stablePods);
            split.setStableRevision(candidate);
            split.setCandidateRevision(null);
            split.setWeight(0);
            split.setStableReplicas(null);
            split.setCandidateReplicas(null);
            split.setTotalReplicas(null);
            split.setRetiring(new ArrayList<>(List.of(retiring)));
        }
        var post = r.blueGreen() ? r.spec.getStrategy().getBlueGreen().getPostPromotionAnalysis() : null;
        promotion.setPostPromotionAnalysis(post == null ? Verdict.Passed : null);
        promotion.setSwitchedAt(r.nowText());
        r.status.setStepStartedAt(r.nowText());
        r.message("promoted revision " + candidate + ": it takes all traffic; waiting for the router");
        r.normal(
                "Promoted",
                "revision " + candidate + " takes all traffic with " + floor + " pods; revision " + stable
                        + " stays up for the scale-down delay (" + Steps.text(r.scaleDownDelay()) + ")");
        r.poll();
    }

    /** Blue-green only: true once it passed; a failure switches traffic back. */
    private static boolean postPromotionAnalysis(Rollout r, PromotionProgress promotion) {
        var step = r.spec.getStrategy().getBlueGreen().getPostPromotionAnalysis();
        var result = AnalysisRunner.run(r, "postPromotion", r.candidate(), step);
        switch (result.outcome()) {
            case PASSED -> {
                promotion.setPostPromotionAnalysis(Verdict.Passed);
                r.status.setAnalysisRun(null);
                r.normal("AnalysisPassed", "the postPromotion analysis of revision " + r.candidate() + " passed");
                return true;
            }
            case FAILED -> {
                Failures.checkFailed(r, "AnalysisFailed", result.decisive());
                return false;
            }
            case INCONCLUSIVE -> {
                r.status.setPhase(RolloutPhase.Paused);
                r.status.setPauseReason(PauseReasons.INCONCLUSIVE);
                r.message(PauseReasons.message(r));
                r.normal(
                        "Paused",
                        "the postPromotion analysis of revision " + r.candidate()
                                + " had no conclusive data; paused (analysis.inconclusive: Pause)");
                return false;
            }
            default -> {
                return false;
            }
        }
    }

    /** A paused promotion (its post-promotion analysis was inconclusive, or failed without automatic rollback). */
    private static boolean resume(Rollout r, PromotionProgress promotion) {
        if (r.commands.promote().isPresent()) {
            r.commands.use(Commands.PROMOTE);
            promotion.setPostPromotionAnalysis(Verdict.Passed);
            r.normal("PromotedByCommand", "post-promotion analysis of revision " + r.candidate() + " passed by hand");
        } else if (r.commands.retry()) {
            r.commands.use(Commands.RETRY);
            r.status.setAnalysisRun(null);
            r.normal("Retrying", "retry: post-promotion analysis of revision " + r.candidate() + " runs again");
        } else {
            r.message(PauseReasons.message(r));
            return false;
        }
        r.status.setPhase(RolloutPhase.Promoting);
        r.status.setPauseReason(null);
        return true;
    }

    private static void finish(Rollout r) {
        var candidate = r.candidate();
        var previous = r.stable();
        var split = r.split();
        split.setStableRevision(candidate);
        split.setCandidateRevision(null);
        split.setWeight(0);
        split.setStableReplicas(null);
        split.setCandidateReplicas(null);
        split.setTotalReplicas(null);
        split.setPreviewService(null);
        split.setRetiring(new ArrayList<>());
        r.history(RolloutResult.Succeeded, "Promoted", "revision " + candidate + " replaced " + previous);
        r.status.setPhase(RolloutPhase.Succeeded);
        r.status.setStableRevision(candidate);
        r.status.setCandidateRevision(null);
        r.status.setPromotion(null);
        r.status.setAnalysisRun(null);
        r.message("revision " + candidate + " is stable; revision " + previous + " was scaled down");
        r.normal("Succeeded", "revision " + candidate + " is stable; revision " + previous + " was scaled down");
    }
}
