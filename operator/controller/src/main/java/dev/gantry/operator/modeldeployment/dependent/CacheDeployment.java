package dev.gantry.operator.modeldeployment.dependent;

import dev.gantry.operator.render.DesiredState;
import dev.gantry.operator.render.Names;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.Optional;

/** The managed Redis without persistence. */
public final class CacheDeployment extends ChildDependent<Deployment> {

    public CacheDeployment() {
        super(Deployment.class);
    }

    @Override
    protected Optional<Deployment> select(DesiredState state) {
        return state.cache().flatMap(c -> c.deployment());
    }

    @Override
    protected String childName(String md) {
        return Names.cache(md);
    }
}
