package dev.gantry.api.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/** Applies OpenAPI {@code default}s the way the API server does: top-down, only where a field is absent. */
final class StructuralDefaulting {

    private StructuralDefaulting() {}

    static JsonNode apply(JsonNode schema, JsonNode value) {
        if (value instanceof ObjectNode object) {
            JsonNode properties = schema.get("properties");
            if (properties != null) {
                for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> property = it.next();
                    JsonNode fieldSchema = property.getValue();
                    if (!object.has(property.getKey()) && fieldSchema.has("default")) {
                        object.set(property.getKey(), fieldSchema.get("default").deepCopy());
                    }
                    if (object.has(property.getKey())) {
                        apply(fieldSchema, object.get(property.getKey()));
                    }
                }
            }
            JsonNode additional = schema.get("additionalProperties");
            if (additional != null && additional.isObject()) {
                object.elements().forEachRemaining(v -> apply(additional, v));
            }
        } else if (value != null && value.isArray() && schema.has("items")) {
            value.elements().forEachRemaining(v -> apply(schema.get("items"), v));
        }
        return value;
    }
}
