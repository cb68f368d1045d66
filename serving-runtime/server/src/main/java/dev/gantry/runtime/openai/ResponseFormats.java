package dev.gantry.runtime.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gantry.runtime.constraint.ConstraintSpec;
import dev.gantry.runtime.http.ApiException;

/** {@code response_format}: {@code text}, {@code json_object} or {@code json_schema} as a constraint. */
final class ResponseFormats {
    private ResponseFormats() {}

    /** The constraint the format asks for, or null for plain text. */
    static ConstraintSpec parse(JsonNode format) {
        if (format == null || format.isNull()) {
            return null;
        }
        if (!format.isObject() || !format.path("type").isTextual()) {
            throw ApiException.invalid("response_format", "response_format must be an object with a type");
        }
        return switch (format.get("type").asText()) {
            case "text" -> null;
            case "json_object" -> ConstraintSpec.anyJson("response_format");
            case "json_schema" -> {
                JsonNode schema = format.path("json_schema").get("schema");
                if (!format.path("json_schema").isObject() || schema == null || schema.isNull()) {
                    throw ApiException.invalid(
                            "response_format.json_schema.schema",
                            "response_format of type json_schema needs json_schema.schema");
                }
                yield ConstraintSpec.jsonSchema(schema, "response_format.json_schema.schema");
            }
            default ->
                throw ApiException.invalid(
                        "response_format.type",
                        "response_format.type must be text, json_object or json_schema, got '"
                                + format.get("type").asText() + "'");
        };
    }
}
