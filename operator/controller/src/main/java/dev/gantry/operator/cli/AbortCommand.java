package dev.gantry.operator.cli;

import dev.gantry.api.v1alpha1.ModelRollout;
import dev.gantry.api.v1alpha1.rollout.RolloutPhase;
import java.util.Set;
import picocli.CommandLine.Command;

/** {@code kubectl gantry abort NAME}: all traffic back to the stable revision. */
@Command(
        name = "abort",
        mixinStandardHelpOptions = true,
        description = {
            "Abort the rollout: all traffic goes back to the stable revision and the candidate is scaled down"
                    + " (gantry.dev/abort=true).",
            "The revision is not retried by itself: a new revision, or kubectl gantry retry, starts the next rollout."
        })
final class AbortCommand extends RolloutControlCommand {

    @Override
    String key() {
        return ManualControl.ABORT;
    }

    @Override
    String value() {
        return "true";
    }

    @Override
    Set<RolloutPhase> phases() {
        return Set.of(RolloutPhase.Progressing, RolloutPhase.Paused, RolloutPhase.Promoting);
    }

    @Override
    String requested(ModelRollout rollout) {
        return "abort requested: all traffic returns to " + stable(rollout) + " and " + candidate(rollout)
                + " is rolled back";
    }
}
