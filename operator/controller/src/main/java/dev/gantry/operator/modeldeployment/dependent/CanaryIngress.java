package dev.gantry.operator.modeldeployment.dependent;

import dev.gantry.operator.render.DesiredState;
import dev.gantry.operator.render.Names;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import java.util.Optional;

/** The ingress-nginx canary Ingress {@code <name>-canary}, while that router gives a candidate a share. */
public final class CanaryIngress extends ChildDependent<Ingress> {

    public CanaryIngress() {
        super(Ingress.class);
    }

    @Override
    protected Optional<Ingress> select(DesiredState state) {
        return state.canaryIngress();
    }

    @Override
    protected String childName(String md) {
        return Names.canaryIngress(md);
    }
}
