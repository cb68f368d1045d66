package dev.gantry.operator.cli;

import dev.gantry.api.v1alpha1.ModelRollout;
import dev.gantry.api.v1alpha1.rollout.RolloutPhase;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;

/** {@code kubectl gantry resume NAME}: undo {@code pause}. */
@Command(
        name = "resume",
        mixinStandardHelpOptions = true,
        description = "Resume a rollout paused by kubectl gantry pause (removes gantry.dev/paused).")
final class ResumeCommand extends RolloutControlCommand {

    @Override
    String key() {
        return ManualControl.PAUSED;
    }

    @Override
    String value() {
        return null;
    }

    @Override
    Set<RolloutPhase> phases() {
        return Set.of();
    }

    @Override
    String requested(ModelRollout rollout) {
        return "resumed (gantry.dev/paused removed)";
    }

    @Override
    List<String> notes(ModelRollout rollout) {
        var notes = new ArrayList<String>();
        if (Boolean.TRUE.equals(rollout.getSpec().getPaused())) {
            notes.add("spec.paused is true, so the rollout stays paused until the spec says otherwise"
                    + " (GitOps owns that field)");
        }
        if (ManualControl.phase(rollout) == RolloutPhase.Paused) {
            notes.add("a pause step without duration, or analysis paused on inconclusive data, waits for"
                    + " kubectl gantry promote " + rollout.getMetadata().getName() + ", not for resume");
        }
        return notes;
    }
}
