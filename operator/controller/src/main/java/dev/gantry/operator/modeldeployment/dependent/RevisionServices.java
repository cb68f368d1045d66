package dev.gantry.operator.modeldeployment.dependent;

import dev.gantry.operator.render.DesiredState;
import io.fabric8.kubernetes.api.model.Service;
import java.util.Map;

/** Each live revision's own Service {@code <name>-<revision>}. */
public final class RevisionServices extends RevisionChildren<Service> {

    public RevisionServices() {
        super(Service.class);
    }

    @Override
    protected Map<String, Service> select(DesiredState state) {
        return state.revisionServices();
    }
}
