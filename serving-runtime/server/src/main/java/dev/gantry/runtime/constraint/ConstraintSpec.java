package dev.gantry.runtime.constraint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gantry.runtime.http.Json;
import java.util.List;

/**
 * One requested constraint, normalised: its kind ({@code choice}, {@code regex}, {@code json},
 * {@code json_schema}, {@code grammar}) and the one payload that kind uses. {@code param} names the
 * request field, for errors. {@code strict} is false only for a JSON Schema sent with OpenAI's
 * {@code "strict": false}: keywords a grammar cannot enforce are then relaxed instead of refused.
 * {@code compactJson} forbids whitespace between JSON tokens (default: runs of up to 20).
 */
public record ConstraintSpec(
        String kind,
        List<String> choices,
        String pattern,
        JsonNode schema,
        String grammar,
        boolean strict,
        boolean compactJson,
        String param) {

    private static final JsonNode ANY_OBJECT = Json.object().put("type", "object");

    public static ConstraintSpec choice(List<String> choices, String param) {
        return new ConstraintSpec("choice", List.copyOf(choices), null, null, null, true, false, param);
    }

    public static ConstraintSpec regex(String pattern, String param) {
        return new ConstraintSpec("regex", null, pattern, null, null, true, false, param);
    }

    /** Any JSON value ({@code /generate} {@code {"type": "json"}}). */
    public static ConstraintSpec anyJson(String param) {
        return new ConstraintSpec("json", null, null, null, null, true, false, param);
    }

    /** Any JSON object (OpenAI {@code json_object}); counted as kind {@code json}. */
    public static ConstraintSpec anyJsonObject(String param) {
        return new ConstraintSpec("json", null, null, ANY_OBJECT, null, true, false, param);
    }

    public static ConstraintSpec jsonSchema(JsonNode schema, String param) {
        return jsonSchema(schema, true, param);
    }

    public static ConstraintSpec jsonSchema(JsonNode schema, boolean strict, String param) {
        return new ConstraintSpec("json_schema", null, null, schema, null, strict, false, param);
    }

    public static ConstraintSpec grammar(String grammar, String param) {
        return new ConstraintSpec("grammar", null, null, null, grammar, true, false, param);
    }

    /** Whether this constraint produces JSON (and so has a whitespace policy). */
    public boolean isJson() {
        return kind.equals("json") || kind.equals("json_schema");
    }

    /** The same constraint with no whitespace between JSON tokens. */
    public ConstraintSpec withCompactJson() {
        return new ConstraintSpec(kind, choices, pattern, schema, grammar, strict, true, param);
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
        if (!strict) {
            node.put("strict", false);
        }
        if (compactJson) {
            node.put("whitespace", "compact");
        }
        return node;
    }
}
