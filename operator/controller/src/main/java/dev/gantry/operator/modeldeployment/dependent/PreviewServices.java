package dev.gantry.operator.modeldeployment.dependent;

import dev.gantry.api.v1alpha1.ModelDeployment;
import dev.gantry.operator.render.DesiredState;
import dev.gantry.operator.render.Labels;
import dev.gantry.operator.render.RoutingObjects;
import io.fabric8.kubernetes.api.model.Service;
import java.util.Map;

/**
 * The blue-green preview Service, named by the ModelRollout: kept by name, so that a renamed or finished preview
 * is found again (by its label) and removed.
 */
public final class PreviewServices extends RevisionChildren<Service> {

    public PreviewServices() {
        super(Service.class);
    }

    @Override
    protected Map<String, Service> select(DesiredState state) {
        return state.previewService()
                .map(service -> Map.of(service.getMetadata().getName(), service))
                .orElse(Map.of());
    }

    @Override
    protected boolean isRevisionObject(Service object, ModelDeployment md) {
        var labels = object.getMetadata().getLabels();
        return labels != null
                && "true".equals(labels.get(RoutingObjects.PREVIEW_LABEL))
                && md.getMetadata().getName().equals(labels.get(Labels.MODEL_DEPLOYMENT));
    }

    @Override
    protected String key(Service object) {
        return object.getMetadata().getName();
    }
}
