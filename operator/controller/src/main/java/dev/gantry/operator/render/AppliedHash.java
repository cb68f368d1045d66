package dev.gantry.operator.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.LinkedHashMap;

/**
 * Stamps each child with a digest of itself, so a change of the desired object (a field removed included) is
 * seen without comparing what others added. Owner references are left out: they depend on the cluster.
 */
public final class AppliedHash {

    public static final String ANNOTATION = "gantry.dev/applied-hash";
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private AppliedHash() {}

    public static <T extends HasMetadata> T stamp(T object) {
        var tree = (ObjectNode) SERIALIZATION.convertValue(object, JsonNode.class);
        if (tree.get("metadata") instanceof ObjectNode metadata) {
            metadata.remove("ownerReferences");
            if (metadata.get("annotations") instanceof ObjectNode annotations) {
                annotations.remove(ANNOTATION);
            }
        }
        var hash = Revisions.sha256Hex(Revisions.canonicalJson(tree)).substring(0, 16);
        var annotations = object.getMetadata().getAnnotations() == null
                ? new LinkedHashMap<String, String>()
                : new LinkedHashMap<>(object.getMetadata().getAnnotations());
        annotations.put(ANNOTATION, hash);
        object.getMetadata().setAnnotations(annotations);
        return object;
    }
}
