package dev.gantry.operator.modelrollout;

import dev.gantry.api.v1alpha1.rollout.Measurement;
import dev.gantry.api.v1alpha1.rollout.RevisionReplicas;
import dev.gantry.api.v1alpha1.rollout.RolloutPhase;
import dev.gantry.api.v1alpha1.rollout.RolloutResult;
import dev.gantry.api.v1alpha1.rollout.Verdict;
import dev.gantry.operator.modeldeployment.status.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What happens when a check fails: all traffic back to the stable revision and the candidate scaled to zero (or
 * kept), or, with {@code rollback.automatic: false}, a pause for a person to decide. Also the health gates that
 * are not metrics: candidate pods that cannot run, and the progress deadline.
 */
final class Failures {

    /** Pod problems that do not heal by waiting: they fail the rollout at once. */
    private static final Set<Reason> FATAL = Set.of(
            Reason.CrashLooping,
            Reason.ModelDownloadFailing,
            Reason.ContainerConfigError,
            Reason.ProgressDeadlineExceeded);

    private Failures() {}

    /** Fails the rollout when the candidate's pods cannot run; true when it did. */
    static boolean healthGate(Rollout r) {
        var fatal = r.seen.candidateFindings().stream()
                .filter(f -> FATAL.contains(f.reason()))
                .findFirst();
        if (fatal.isEmpty()) {
            return false;
        }
        var finding = fatal.get();
        var check = Measurements.of(
                r,
                Measurements.HEALTH,
                r.candidate(),
                finding.reason().name(),
                "candidate pods run and become ready",
                Verdict.Failed,
                finding.message());
        return checkFailed(r, finding.reason().name(), check);
    }

    /**
     * While the rollout waits for pods or for the router: fails it once the step has waited longer than the
     * progress deadline. True when it did.
     */
    static boolean pastDeadline(Rollout r, String waitingFor) {
        var deadline = r.stepStartedAt().plus(r.progressDeadline());
        if (!r.now.isAfter(deadline)) {
            r.wakeAt(deadline.plusMillis(1));
            return false;
        }
        var check = Measurements.of(
                r,
                Measurements.HEALTH,
                r.candidate(),
                "ProgressDeadlineExceeded",
                "progress within " + r.spec.getRollback().getProgressDeadline(),
                Verdict.Failed,
                "still " + waitingFor + " since " + r.status.getStepStartedAt());
        return checkFailed(r, "ProgressDeadlineExceeded", check);
    }

    /**
     * A check failed: roll back, or pause when rollbacks are not automatic. Returns true (the rollout stopped
     * where it was), so callers can {@code return Failures.checkFailed(...)}.
     */
    static boolean checkFailed(Rollout r, String reason, Measurement check) {
        if (r.automaticRollback()) {
            rollBack(r, RolloutResult.RolledBack, reason, check);
            return true;
        }
        if (r.status.getPhase() == RolloutPhase.Paused && PauseReasons.CHECK_FAILED.equals(r.status.getPauseReason())) {
            return true; // already waiting for a person
        }
        r.failedCheck(check);
        r.status.setPhase(RolloutPhase.Paused);
        r.status.setPauseReason(PauseReasons.CHECK_FAILED);
        var what = Measurements.describe(check);
        r.message("paused because a check failed (rollback.automatic is false): " + what + ". Abort with `"
                + r.command("gantry.dev/abort=true") + "`, re-run the check with `"
                + r.command("gantry.dev/retry=true") + "`, or go on with `" + r.command("gantry.dev/promote=step")
                + "`");
        r.warning(reason, what + "; paused, rollback.automatic is false");
        return true;
    }

    /** All traffic back to the stable revision; the candidate scaled to zero or kept without traffic. */
    static void rollBack(Rollout r, RolloutResult result, String reason, Measurement check) {
        var candidate = r.candidate();
        var stable = r.stable();
        var where = RolloutSummary.where(r);
        var split = r.split();
        int kept = r.keepFailedCandidate() ? r.seen.pods(candidate).replicas() : 0;
        split.setStableRevision(stable);
        split.setCandidateRevision(null);
        split.setWeight(0);
        split.setStableReplicas(null);
        split.setCandidateReplicas(null);
        split.setTotalReplicas(null);
        split.setPreviewService(null);
        var retiring = new RevisionReplicas();
        retiring.setRevision(candidate);
        retiring.setReplicas(kept);
        split.setRetiring(new ArrayList<>(List.of(retiring)));
        r.status.setPhase(RolloutPhase.RolledBack);
        r.status.setPauseReason(null);
        r.status.setPromotion(null);
        r.status.setAnalysisRun(null);
        if (check != null) {
            r.failedCheck(check);
        }
        var why = check != null
                ? Measurements.describe(check)
                : result == RolloutResult.Aborted ? "aborted with " + Commands.ABORT + "=true" : reason;
        var pods = kept > 0 ? "its " + kept + " pods are kept without traffic" : "it is scaled to zero";
        var message = "revision " + candidate + " rolled back " + where + ": " + why + ". All traffic is on "
                + stable + "; " + pods + ". To roll out again, change the ModelDeployment (a fix is a new"
                + " revision, a revert goes back to " + stable + ") or retry this revision with `"
                + r.command("gantry.dev/retry=true") + "`";
        r.message(message);
        r.history(result, reason, why);
        if (result == RolloutResult.Aborted) {
            r.normal("RolledBack", "aborted " + where + "; all traffic back to " + stable);
        } else {
            r.warning(
                    "RolledBack",
                    "revision " + candidate + " " + where + ": " + why + "; all traffic back to " + stable);
        }
        r.poll();
    }

    /**
     * The rollout waits for {@code what} (pods, the router): says so and looks again soon. False when it has
     * waited past the progress deadline, and has failed.
     */
    static boolean waiting(Rollout r, String what) {
        r.message(what);
        r.poll();
        return !pastDeadline(r, what);
    }
}
