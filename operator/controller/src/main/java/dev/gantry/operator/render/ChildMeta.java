package dev.gantry.operator.render;

import dev.gantry.api.v1alpha1.ModelDeployment;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import java.util.Map;

/** Metadata of a child: name, namespace, labels and the owner reference to its ModelDeployment. */
public final class ChildMeta {

    private ChildMeta() {}

    public static ObjectMeta of(ModelDeployment md, String name, Map<String, String> labels) {
        return builder(md, name, labels).build();
    }

    public static ObjectMetaBuilder builder(ModelDeployment md, String name, Map<String, String> labels) {
        var builder = new ObjectMetaBuilder()
                .withName(name)
                .withNamespace(md.getMetadata().getNamespace())
                .withLabels(labels);
        var uid = md.getMetadata().getUid();
        if (uid != null) {
            // Without a uid (the render command on a file) there is nothing to own the child yet.
            builder.withOwnerReferences(new OwnerReferenceBuilder()
                    .withApiVersion(md.getApiVersion())
                    .withKind(md.getKind())
                    .withName(md.getMetadata().getName())
                    .withUid(uid)
                    .withController(true)
                    .withBlockOwnerDeletion(true)
                    .build());
        }
        return builder;
    }
}
