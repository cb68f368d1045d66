package dev.gantry.operator.modelrollout;

import dev.gantry.api.v1alpha1.rollout.RolloutPhase;
import dev.gantry.api.v1alpha1.rollout.RolloutResult;
import dev.gantry.api.v1alpha1.rollout.RolloutSplit;
import dev.gantry.api.v1alpha1.rollout.TrafficRouter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rollout state machine. Each call reads the status (the whole state), what was observed and the commands,
 * and edits the status; nothing else is remembered between reconciles, so an operator restart at any moment
 * resumes at the same step, and traffic moves only when a decision is taken, never because of the restart.
 *
 * <pre>
 * Idle/Succeeded --new revision--> Progressing --steps done / promote=full--> Promoting --delay--> Succeeded
 *                                   |  ^   |                                    |
 *                   pause step, hold|  |resume, promote=step                     |check fails (blue-green
 *                                   v  |   |check fails, abort, deadline         |post-promotion), abort
 *                                  Paused  +------------------------------> RolledBack <--+
 * RolledBack --retry, new revision--> Progressing; --revert to stable--> Idle; invalid spec or a second rollout on
 * the same ModelDeployment --> Failed. Reverting the ModelDeployment to stable during a rollout aborts to Idle.
 * </pre>
 */
final class RolloutMachine {

    private RolloutMachine() {}

    /**
     * @param problems what is wrong with the spec, each naming its field; the rollout fails while any remain
     * @param owner the name of another ModelRollout that drives the same ModelDeployment, if any
     */
    static void advance(Rollout r, List<String> problems, Optional<String> owner) {
        var status = r.status;
        status.setObservedGeneration(r.resource.getMetadata().getGeneration());
        status.setStrategy(r.blueGreen() ? "BlueGreen" : "Canary");
        status.setTotalSteps(r.steps.size());
        if (owner.isPresent()) {
            Holds.claimedElsewhere(r, owner.get());
        } else if (r.seen.target() == null) {
            Holds.waitForTarget(r);
        } else if (!problems.isEmpty()) {
            Holds.invalidSpec(r, problems);
        } else if (r.seen.targetStable() == null || r.seen.currentRevision() == null) {
            Holds.waitForFirstRevision(r);
        } else {
            var phase = status.getPhase() == null ? RolloutPhase.Idle : status.getPhase();
            switch (phase) {
                case Idle, Succeeded, Failed -> fromRest(r);
                case RolledBack -> fromRolledBack(r);
                default -> inProgress(r);
            }
        }
    }

    private static void fromRest(Rollout r) {
        // The split this rollout asked for is what the ModelDeployment applies; its own status may lag behind
        // (right after a promotion it still names the old stable revision).
        var split = r.status.getSplit();
        var stable =
                split != null && split.getStableRevision() != null ? split.getStableRevision() : r.seen.targetStable();
        var current = r.seen.currentRevision();
        if (current.equals(stable)) {
            settle(
                    r,
                    stable,
                    r.status.getPhase() == RolloutPhase.Succeeded ? RolloutPhase.Succeeded : RolloutPhase.Idle);
            return;
        }
        start(r, current, stable, "the ModelDeployment's spec changed");
    }

    private static void fromRolledBack(Rollout r) {
        var current = r.seen.currentRevision();
        var failed = r.candidate();
        var stable = r.split().getStableRevision() != null ? r.split().getStableRevision() : r.stable();
        if (current.equals(stable)) {
            settle(r, stable, RolloutPhase.Idle);
            r.message("the ModelDeployment is back at revision " + stable + "; rolled-back revision " + failed
                    + " is removed");
        } else if (!current.equals(failed)) {
            start(r, current, stable, "a new revision replaces rolled-back revision " + failed);
        } else if (r.commands.retry()) {
            r.commands.use(Commands.RETRY);
            start(r, current, stable, "retry requested");
        } else {
            r.status.setCandidateRevision(failed); // stays rolled back: a failed revision is not retried by itself
        }
    }

    private static void inProgress(Rollout r) {
        var current = r.seen.currentRevision();
        var candidate = r.candidate();
        var stable = r.stable();
        if (current.equals(stable)) {
            var message = "the ModelDeployment was reverted to revision " + stable + ": the rollout of " + candidate
                    + " is aborted without analysis and all traffic is on " + stable;
            r.history(RolloutResult.Aborted, "RevertedToStable", message);
            r.normal("RolledBack", message);
            settle(r, stable, RolloutPhase.Idle);
            r.message(message);
            return;
        }
        if (!current.equals(candidate)) {
            var message = "revision " + current + " replaces revision " + candidate + " before it was promoted";
            r.history(RolloutResult.Aborted, "Superseded", message);
            r.normal("RolloutAborted", message);
            start(r, current, r.split().getStableRevision(), "superseded revision " + candidate);
            return;
        }
        if (r.commands.abort()) {
            r.commands.use(Commands.ABORT);
            Failures.rollBack(r, RolloutResult.Aborted, "Aborted", null);
            return;
        }
        if (Failures.healthGate(r)) {
            return;
        }
        ReplicaPlan.follow(r);
        if (r.status.getPromotion() != null) {
            Promotion.advance(r);
        } else {
            Progression.advance(r);
        }
    }

    /** A new rollout of {@code candidate} beside {@code stable}, from the first step. */
    static void start(Rollout r, String candidate, String stable, String why) {
        var status = r.status;
        status.setPhase(RolloutPhase.Progressing);
        status.setStableRevision(stable);
        status.setCandidateRevision(candidate);
        status.setCurrentStepIndex(0);
        status.setStepStartedAt(r.nowText());
        status.setRolloutStartedAt(r.nowText());
        status.setAnalysisRun(null);
        status.setEvaluation(null);
        status.setPromotion(null);
        status.setPauseReason(null);
        status.setFailedChecks(new ArrayList<>());
        var split = new RolloutSplit();
        split.setStableRevision(stable);
        split.setCandidateRevision(candidate);
        split.setWeight(0);
        split.setRouter(r.router());
        split.setRetiring(new ArrayList<>());
        status.setSplit(split);
        if (r.router() == TrafficRouter.ReplicaRatio && !r.blueGreen()) {
            split.setTotalReplicas(ReplicaPlan.stableCount(r));
        }
        if (r.blueGreen()) {
            var preview = r.spec.getStrategy().getBlueGreen().getPreviewService();
            split.setPreviewService(preview != null ? preview : r.target() + "-preview");
        }
        split.setCandidateReplicas(ReplicaPlan.initial(r));
        r.normal(
                "RolloutStarted",
                why + ": revision " + candidate + " rolls out beside stable " + stable + " ("
                        + (r.blueGreen() ? "blue-green" : "canary, " + r.steps.size() + " steps") + ")");
        r.message("starting the rollout of revision " + candidate);
        Progression.advance(r);
    }

    /** Nothing to roll out: all traffic on {@code stable}. */
    static void settle(Rollout r, String stable, RolloutPhase phase) {
        var status = r.status;
        status.setPhase(phase);
        status.setStableRevision(stable);
        status.setCandidateRevision(null);
        status.setPauseReason(null);
        status.setPromotion(null);
        status.setAnalysisRun(null);
        var split = new RolloutSplit();
        split.setStableRevision(stable);
        split.setWeight(0);
        split.setRouter(r.router());
        split.setRetiring(new ArrayList<>());
        status.setSplit(split);
        if (phase == RolloutPhase.Idle) {
            status.setCurrentStepIndex(null);
            status.setStepStartedAt(null);
            r.message("revision " + stable + " is stable; change the ModelDeployment to roll out a new revision");
        }
    }
}
