package dev.gantry.operator.modeldeployment.dependent;

import dev.gantry.operator.render.DesiredState;
import dev.gantry.operator.render.Names;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.Optional;

/** The managed Redis with persistence. */
public final class CacheStatefulSet extends ChildDependent<StatefulSet> {

    public CacheStatefulSet() {
        super(StatefulSet.class);
    }

    @Override
    protected Optional<StatefulSet> select(DesiredState state) {
        return state.cache().flatMap(c -> c.statefulSet());
    }

    @Override
    protected String childName(String md) {
        return Names.cache(md);
    }
}
