package dev.gantry.runtime.constraint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gantry.runtime.http.Json;
import java.util.List;

/**
 * One requested constraint, normalised: its kind ({@code choice}, {@code regex}, {@code json},
 * {@code json_schema}, {@code grammar}) and the one payload that kind uses. {@code param} names the
 * request field, for errors.
 */
public record ConstraintSpec(
        String kind, List<String> choices, String pattern, JsonNode schema, String grammar, String param) {

    public static ConstraintSpec choice(List<String> choices, String param) {
        return new ConstraintSpec("choice", List.copyOf(choices), null, null, null, param);
    }

    public static ConstraintSpec regex(String pattern, String param) {
        return new ConstraintSpec("regex", null, pattern, null, null, param);
    }

    public static ConstraintSpec anyJson(String param) {
        return new ConstraintSpec("json", null, null, null, null, param);
    }

    public static ConstraintSpec jsonSchema(JsonNode schema, String param) {
        return new ConstraintSpec("json_schema", null, null, schema, null, param);
    }

    public static ConstraintSpec grammar(String grammar, String param) {
        return new ConstraintSpec("grammar", null, null, null, grammar, param);
    }

    /** A canonical JSON form, part of the response-cache key. */
    public ObjectNode canonical() {
        ObjectNode node = Json.object().put("kind", kind);
        if (choices != null) {
            choices.forEach(node.putArray("choices")::add);
        }
        if (pattern != null) {
            node.put("pattern", pattern);
        }
        if (schema != null) {
            node.set("schema", schema);
        }
        if (grammar != null) {
            node.put("grammar", grammar);
        }
        return node;
    }
}
