package dev.gantry.operator.modeldeployment.dependent;

import dev.gantry.operator.render.DesiredState;
import dev.gantry.operator.render.Names;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.Optional;

/** The PodDisruptionBudget, when more than one pod serves. */
public final class DisruptionBudget extends ChildDependent<PodDisruptionBudget> {

    public DisruptionBudget() {
        super(PodDisruptionBudget.class);
    }

    @Override
    protected Optional<PodDisruptionBudget> select(DesiredState state) {
        return state.disruptionBudget();
    }

    @Override
    protected String childName(String md) {
        return Names.disruptionBudget(md);
    }
}
