package dev.gantry.operator.modelrollout;

import dev.gantry.api.v1alpha1.ModelRollout;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * One rollout at a time per ModelDeployment: of the ModelRollouts that target it, the oldest (then the first by
 * name) drives it. Both controllers apply this rule to what their informers hold, so they agree without talking.
 */
final class TargetClaims {

    private static final Comparator<ModelRollout> AGE = Comparator.comparing(
                    (ModelRollout mr) -> String.valueOf(mr.getMetadata().getCreationTimestamp()))
            .thenComparing(mr -> mr.getMetadata().getName());

    private TargetClaims() {}

    static String target(ModelRollout rollout) {
        return rollout.getSpec() == null || rollout.getSpec().getTargetRef() == null
                ? null
                : rollout.getSpec().getTargetRef().getName();
    }

    /** The rollout that drives {@code target} among {@code rollouts}, ignoring those being deleted. */
    static Optional<ModelRollout> owner(Collection<ModelRollout> rollouts, String target) {
        return rollouts.stream()
                .filter(mr -> target != null && target.equals(target(mr)))
                .filter(mr -> mr.getMetadata().getDeletionTimestamp() == null)
                .min(AGE);
    }

    /** The name of another rollout that drives this one's target, if one does. */
    static Optional<String> otherOwner(ModelRollout self, Collection<ModelRollout> peers) {
        return owner(peers, target(self))
                .map(mr -> mr.getMetadata().getName())
                .filter(name -> !name.equals(self.getMetadata().getName()));
    }
}
