package dev.gantry.operator.modeldeployment.dependent;

import dev.gantry.operator.render.DesiredState;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.Map;

/** Each live revision's Deployment {@code <name>-<revision>}. */
public final class RuntimeDeployments extends RevisionChildren<Deployment> {

    public RuntimeDeployments() {
        super(Deployment.class);
    }

    @Override
    protected Map<String, Deployment> select(DesiredState state) {
        return state.runtimeDeployments();
    }
}
