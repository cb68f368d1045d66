package dev.gantry.operator.modeldeployment.dependent;

import dev.gantry.operator.render.DesiredState;
import dev.gantry.operator.render.Names;
import io.fabric8.kubernetes.api.model.Service;
import java.util.Optional;

/** The Service {@code <name>} in front of the stable revision. */
public final class StableService extends ChildDependent<Service> {

    public StableService() {
        super(Service.class);
    }

    @Override
    protected Optional<Service> select(DesiredState state) {
        return Optional.of(state.stableService());
    }

    @Override
    protected String childName(String md) {
        return Names.stableService(md);
    }
}
