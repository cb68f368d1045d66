package dev.gantry.operator.modeldeployment.dependent;

import dev.gantry.operator.render.DesiredState;
import dev.gantry.operator.render.Names;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.util.Optional;

/** The managed Redis's {@code redis.conf}. */
public final class CacheConfig extends ChildDependent<ConfigMap> {

    public CacheConfig() {
        super(ConfigMap.class);
    }

    @Override
    protected Optional<ConfigMap> select(DesiredState state) {
        return state.cache().map(c -> c.config());
    }

    @Override
    protected String childName(String md) {
        return Names.cacheConfig(md);
    }
}
