package dev.gantry.operator.modeldeployment.dependent;

import dev.gantry.operator.render.DesiredState;
import dev.gantry.operator.render.Names;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import java.util.Optional;

/** The Ingress {@code <name>}, when spec.ingress is set. */
public final class MainIngress extends ChildDependent<Ingress> {

    public MainIngress() {
        super(Ingress.class);
    }

    @Override
    protected Optional<Ingress> select(DesiredState state) {
        return state.ingress();
    }

    @Override
    protected String childName(String md) {
        return Names.ingress(md);
    }
}
