package dev.gantry.operator.cli;

import dev.gantry.api.v1alpha1.ModelRollout;
import dev.gantry.api.v1alpha1.rollout.RolloutPhase;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Command;

/**
 * {@code kubectl gantry retry NAME}: roll out a rolled-back revision again, or run the checks of a rollout paused on an
 * inconclusive or failed check again.
 */
@Command(
        name = "retry",
        mixinStandardHelpOptions = true,
        description = {
            "Start a new rollout of the revision that was rolled back, or, on a rollout paused on an inconclusive",
            "or failed check, run its checks again (gantry.dev/retry=true)."
        })
final class RetryCommand extends RolloutControlCommand {

    /** The pause reasons on which the operator acts on a retry by measuring again (the others end with promote or resume). */
    private static final Set<String> CHECK_PAUSES = Set.of("InconclusiveAnalysis", "CheckFailed");

    @Override
    String key() {
        return ManualControl.RETRY;
    }

    @Override
    String value() {
        return "true";
    }

    @Override
    Set<RolloutPhase> phases() {
        return Set.of(RolloutPhase.RolledBack, RolloutPhase.Paused);
    }

    @Override
    Optional<String> refusal(ModelRollout rollout) {
        var phase = ManualControl.phase(rollout);
        if (phase == RolloutPhase.Failed) {
            return Optional.of("retry does not apply: a Failed rollout cannot run as specified; fix what its message"
                    + " names and the operator starts it again");
        }
        if (phase == RolloutPhase.Paused
                && !CHECK_PAUSES.contains(rollout.getStatus().getPauseReason())) {
            return Optional.of("retry applies to a rollout paused on an inconclusive or failed check, not to one paused"
                    + " for " + rollout.getStatus().getPauseReason() + " (kubectl gantry status "
                    + rollout.getMetadata().getName() + " says what it waits for)");
        }
        return super.refusal(rollout);
    }

    @Override
    String requested(ModelRollout rollout) {
        return ManualControl.phase(rollout) == RolloutPhase.Paused
                ? "retry requested: the operator runs the paused check again (" + ManualControl.where(rollout) + ")"
                : "retry requested: the operator starts a new rollout of " + candidate(rollout);
    }
}
