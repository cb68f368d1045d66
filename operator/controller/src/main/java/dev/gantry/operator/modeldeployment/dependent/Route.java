package dev.gantry.operator.modeldeployment.dependent;

import dev.gantry.operator.render.DesiredState;
import dev.gantry.operator.render.Labels;
import dev.gantry.operator.render.Names;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.KubernetesDependent;
import java.util.Optional;

/** The Gateway API HTTPRoute {@code <name>}, when spec.gateway is set and Gateway API is installed. */
@KubernetesDependent(informer = @Informer(labelSelector = Labels.MANAGED_SELECTOR))
public final class Route extends ChildDependent<HTTPRoute> {

    public Route() {
        super(HTTPRoute.class);
    }

    @Override
    protected Optional<HTTPRoute> select(DesiredState state) {
        return state.httpRoute();
    }

    @Override
    protected String childName(String md) {
        return Names.httpRoute(md);
    }
}
