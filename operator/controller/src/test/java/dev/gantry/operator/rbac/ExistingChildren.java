package dev.gantry.operator.rbac;

import dev.gantry.api.v1alpha1.ModelDeployment;
import dev.gantry.operator.render.Labels;
import dev.gantry.operator.render.ModelDeploymentRenderer;
import dev.gantry.operator.render.OperatorDefaults;
import dev.gantry.operator.render.RenderContext;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;

/**
 * Children that exist before the operator sees them: owned by the ModelDeployment but without the managed-by label,
 * so the informers do not cache them and every create finds the name taken, reads the object and adopts it.
 */
final class ExistingChildren {

    private ExistingChildren() {}

    static void createUnlabelled(KubernetesClient client, ModelDeployment md) {
        var defaults = OperatorDefaults.standard();
        var revision = ModelDeploymentRenderer.currentRevision(md, defaults);
        var owner = new OwnerReferenceBuilder()
                .withApiVersion(md.getApiVersion())
                .withKind(md.getKind())
                .withName(md.getMetadata().getName())
                .withUid(md.getMetadata().getUid())
                .withController(true)
                .build();
        for (var child : ModelDeploymentRenderer.render(md, RenderContext.offline(defaults, revision))
                .all()) {
            child.getMetadata().getLabels().remove(Labels.MANAGED_BY);
            child.getMetadata().setNamespace(md.getMetadata().getNamespace());
            child.getMetadata().setOwnerReferences(List.of(owner));
            client.resource(child).create();
        }
    }
}
