package dev.gantry.operator.cli;

import dev.gantry.api.v1alpha1.ModelRollout;
import dev.gantry.api.v1alpha1.rollout.RolloutPhase;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kubectl gantry promote NAME [--full]}: pass the current pause, or promote the candidate at once. */
@Command(
        name = "promote",
        mixinStandardHelpOptions = true,
        description = {
            "Pass the current pause or inconclusive analysis (gantry.dev/promote=step),",
            "or with --full give the candidate all traffic now, skipping the remaining steps (gantry.dev/promote=full)."
        })
final class PromoteCommand extends RolloutControlCommand {

    @Option(names = "--full", description = "Skip every remaining step and analysis.")
    boolean full;

    @Override
    String key() {
        return ManualControl.PROMOTE;
    }

    @Override
    String value() {
        return full ? "full" : "step";
    }

    @Override
    Set<RolloutPhase> phases() {
        return Set.of(RolloutPhase.Progressing, RolloutPhase.Paused);
    }

    @Override
    String requested(ModelRollout rollout) {
        return full
                ? "full promotion requested: " + candidate(rollout)
                        + " gets all traffic and becomes stable without the remaining steps"
                : "promotion past the current step requested (" + ManualControl.where(rollout) + ")";
    }
}
