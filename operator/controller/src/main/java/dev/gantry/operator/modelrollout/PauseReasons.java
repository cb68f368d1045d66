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
}
