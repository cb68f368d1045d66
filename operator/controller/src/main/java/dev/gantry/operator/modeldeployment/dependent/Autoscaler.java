package dev.gantry.operator.modeldeployment.dependent;

import dev.gantry.operator.render.DesiredState;
import dev.gantry.operator.render.Names;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import java.util.Optional;

/** The HorizontalPodAutoscaler of the stable revision, when autoscaling is set. */
public final class Autoscaler extends ChildDependent<HorizontalPodAutoscaler> {

    public Autoscaler() {
        super(HorizontalPodAutoscaler.class);
    }

    @Override
    protected Optional<HorizontalPodAutoscaler> select(DesiredState state) {
        return state.autoscaler();
    }

    @Override
    protected String childName(String md) {
        return Names.autoscaler(md);
    }
}
