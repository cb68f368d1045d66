package dev.gantry.operator.modeldeployment.dependent;

import dev.gantry.operator.render.DesiredState;
import dev.gantry.operator.render.Names;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.util.Optional;

/** The NetworkPolicy that admits only this ModelDeployment's runtime pods to its Redis. */
public final class CacheNetworkPolicy extends ChildDependent<NetworkPolicy> {

    public CacheNetworkPolicy() {
        super(NetworkPolicy.class);
    }

    @Override
    protected Optional<NetworkPolicy> select(DesiredState state) {
        return state.cache().map(c -> c.networkPolicy());
    }

    @Override
    protected String childName(String md) {
        return Names.cache(md);
    }
}
