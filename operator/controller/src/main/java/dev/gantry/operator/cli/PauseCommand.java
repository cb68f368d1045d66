package dev.gantry.operator.cli;

import dev.gantry.api.v1alpha1.ModelRollout;
import dev.gantry.api.v1alpha1.rollout.RolloutPhase;
import java.util.Set;
import picocli.CommandLine.Command;

/** {@code kubectl gantry pause NAME}: hold the rollout where it is. */
@Command(
        name = "pause",
        mixinStandardHelpOptions = true,
        description =
                "Hold the rollout at its current step and weight until kubectl gantry resume (gantry.dev/paused=true).")
final class PauseCommand extends RolloutControlCommand {

    @Override
    String key() {
        return ManualControl.PAUSED;
    }

    @Override
    String value() {
        return "true";
    }

    @Override
    Set<RolloutPhase> phases() {
        return Set.of();
    }

    @Override
    String requested(ModelRollout rollout) {
        return "paused (" + ManualControl.where(rollout) + "); kubectl gantry resume "
                + rollout.getMetadata().getName() + " continues";
    }
}
