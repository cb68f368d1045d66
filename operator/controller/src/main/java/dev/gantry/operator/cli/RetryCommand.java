package dev.gantry.operator.cli;

import dev.gantry.api.v1alpha1.ModelRollout;
import dev.gantry.api.v1alpha1.rollout.RolloutPhase;
import java.util.Set;
import picocli.CommandLine.Command;

/** {@code kubectl gantry retry NAME}: roll out a rolled-back or failed revision again. */
@Command(
        name = "retry",
        mixinStandardHelpOptions = true,
        description = "Start a new rollout of the revision that was rolled back or failed (gantry.dev/retry=true).")
final class RetryCommand extends RolloutControlCommand {

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
        return Set.of(RolloutPhase.RolledBack, RolloutPhase.Failed);
    }

    @Override
    String requested(ModelRollout rollout) {
        return "retry requested: the operator starts a new rollout of " + candidate(rollout);
    }
}
