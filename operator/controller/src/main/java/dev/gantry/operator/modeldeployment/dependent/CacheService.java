package dev.gantry.operator.modeldeployment.dependent;

import dev.gantry.operator.render.DesiredState;
import dev.gantry.operator.render.Names;
import io.fabric8.kubernetes.api.model.Service;
import java.util.Optional;

/** The managed Redis's Service. */
public final class CacheService extends ChildDependent<Service> {

    public CacheService() {
        super(Service.class);
    }

    @Override
    protected Optional<Service> select(DesiredState state) {
        return state.cache().map(c -> c.service());
    }

    @Override
    protected String childName(String md) {
        return Names.cache(md);
    }
}
