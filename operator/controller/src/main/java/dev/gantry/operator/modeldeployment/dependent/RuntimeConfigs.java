package dev.gantry.operator.modeldeployment.dependent;

import dev.gantry.operator.render.DesiredState;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.util.Map;

/** Each live revision's runtime ConfigMap {@code <name>-<revision>-runtime}. */
public final class RuntimeConfigs extends RevisionChildren<ConfigMap> {

    public RuntimeConfigs() {
        super(ConfigMap.class);
    }

    @Override
    protected Map<String, ConfigMap> select(DesiredState state) {
        return state.runtimeConfigs();
    }
}
