package dev.gantry.operator.modelrollout;

import dev.gantry.api.v1alpha1.rollout.RolloutPhase;
import dev.gantry.api.v1alpha1.rollout.RolloutResult;
import dev.gantry.api.v1alpha1.rollout.RolloutSplit;
import dev.gantry.api.v1alpha1.rollout.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * States in which the rollout cannot run: its target is missing or has no revision yet, its spec is invalid, or
 * another ModelRollout already drives the target. None of them moves traffic towards a candidate.
 */
final class Holds {

    /** Why the rollout is Failed, for its Healthy condition. */
    static final String TARGET_ALREADY_MANAGED = "TargetAlreadyManaged";

    static final String INVALID_SPEC = "InvalidSpec";

    private Holds() {}

    static void claimedElsewhere(Rollout r, String owner) {
        var status = r.status;
        var message = "ModelDeployment " + r.target() + " is already driven by ModelRollout " + owner
                + " (the oldest rollout targeting it); this one does nothing. Delete one of them, or point"
                + " spec.targetRef at another ModelDeployment";
        boolean news = status.getPhase() != RolloutPhase.Failed || !message.equals(status.getMessage());
        status.setPhase(RolloutPhase.Failed);
        status.setPauseReason(null);
        status.setCandidateRevision(null);
        status.setStableRevision(null);
        status.setSplit(null);
        status.setAnalysisRun(null);
        status.setPromotion(null);
        status.setCurrentStepIndex(null);
        r.message(message);
        RolloutSummary.failedBecause(r, TARGET_ALREADY_MANAGED);
        if (news) {
            r.warning(TARGET_ALREADY_MANAGED, message);
        }
    }

    static void waitForTarget(Rollout r) {
        var status = r.status;
        status.setPhase(RolloutPhase.Idle);
        status.setSplit(null);
        status.setCandidateRevision(null);
        status.setCurrentStepIndex(null);
        r.message("waiting for ModelDeployment " + r.target() + " in namespace " + r.namespace());
        RolloutSummary.failedBecause(r, "TargetNotFound");
    }

    static void waitForFirstRevision(Rollout r) {
        var status = r.status;
        status.setPhase(RolloutPhase.Idle);
        status.setSplit(null);
        status.setCandidateRevision(null);
        status.setCurrentStepIndex(null);
        r.message("waiting for ModelDeployment " + r.target() + " to run its first revision");
    }

    /** The spec cannot run: any rollout in progress returns to stable; nothing starts until the spec is fixed. */
    static void invalidSpec(Rollout r, List<String> problems) {
        var status = r.status;
        var text = String.join("; ", problems);
        var message = "the spec is invalid: " + text + ". Fix it; nothing rolls out until then";
        boolean news = status.getPhase() != RolloutPhase.Failed || !Objects.equals(message, status.getMessage());
        var phase = status.getPhase();
        boolean inProgress =
                phase == RolloutPhase.Progressing || phase == RolloutPhase.Paused || phase == RolloutPhase.Promoting;
        if (inProgress) {
            var check = Measurements.of(
                    r, Measurements.HEALTH, r.candidate(), INVALID_SPEC, "a valid spec", Verdict.Failed, text);
            Failures.rollBack(r, RolloutResult.Failed, INVALID_SPEC, check);
        } else if (phase != RolloutPhase.RolledBack && status.getPhase() != RolloutPhase.Failed) {
            var stable = r.seen.targetStable();
            if (stable != null) {
                var split = new RolloutSplit();
                split.setStableRevision(stable);
                split.setWeight(0);
                split.setRouter(r.router());
                split.setRetiring(new ArrayList<>());
                status.setSplit(split);
            }
        }
        status.setPhase(RolloutPhase.Failed);
        status.setPauseReason(null);
        r.message(message);
        RolloutSummary.failedBecause(r, INVALID_SPEC);
        if (news) {
            r.warning(INVALID_SPEC, text);
        }
    }
}
