package dev.gantry.operator.modelrollout;

/** The values of {@code status.pauseReason}. */
final class PauseReasons {

    /** A pause step without a duration: {@code promote=step} passes it. */
    static final String PAUSE_STEP = "PauseStep";
    /** Blue-green without autoPromotionAfter: {@code promote=full} (or {@code step}) switches. */
    static final String AWAITING_PROMOTION = "AwaitingPromotion";
    /** {@code gantry.dev/paused=true}: removing it resumes. */
    static final String ANNOTATION = "Annotation";
    /** {@code spec.paused: true}: setting it false resumes. */
    static final String SPEC = "Spec";
    /** An analysis had no data under the Pause policy. */
    static final String INCONCLUSIVE = "InconclusiveAnalysis";
    /** A check failed with {@code rollback.automatic: false}. */
    static final String CHECK_FAILED = "CheckFailed";

    private PauseReasons() {}

    /** Pauses that last only while the annotation or spec field says so. */
    static boolean standing(String reason) {
        return ANNOTATION.equals(reason) || SPEC.equals(reason);
    }

    /** What a paused rollout waits for, with the commands that end the pause. */
    static String message(Rollout r) {
        var reason = r.status.getPauseReason();
        var promoteStep = "`" + r.command("gantry.dev/promote=step") + "`";
        var promoteFull = "`" + r.command("gantry.dev/promote=full") + "`";
        var abort = "`" + r.command("gantry.dev/abort=true") + "`";
        var retry = "`" + r.command("gantry.dev/retry=true") + "`";
        if (PauseReasons.PAUSE_STEP.equals(reason)) {
            return "paused " + RolloutSummary.where(r) + " until promoted: continue with " + promoteStep
                    + ", promote fully with " + promoteFull + ", or abort with " + abort;
        }
        if (PauseReasons.AWAITING_PROMOTION.equals(reason)) {
            return "revision " + r.candidate() + " is ready behind its preview Service; switch traffic with "
                    + promoteFull + " or abort with " + abort;
        }
        if (PauseReasons.INCONCLUSIVE.equals(reason)) {
            return "paused " + RolloutSummary.where(r) + ": the analysis had no conclusive data (is traffic"
                    + " reaching revision " + r.candidate() + "?). Run it again with " + retry + ", pass it with "
                    + promoteStep + ", or abort with " + abort;
        }
        return r.status.getMessage();
    }
}
