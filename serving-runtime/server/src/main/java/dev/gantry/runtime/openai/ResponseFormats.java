package dev.gantry.runtime.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gantry.runtime.constraint.ConstraintSpec;
import dev.gantry.runtime.http.ApiException;
import java.util.regex.Pattern;

/**
 * {@code response_format}: {@code text}; {@code json_object} (any JSON object); {@code json_schema}
 * ({@code name}, {@code schema}, {@code strict}; {@code "strict": false} relaxes the keywords a grammar
 * cannot enforce instead of refusing them) as a constraint.
 */
final class ResponseFormats {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

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
            case "json_object" -> ConstraintSpec.anyJsonObject("response_format");
            case "json_schema" -> jsonSchema(format.get("json_schema"));
            default ->
                throw ApiException.invalid(
                        "response_format.type",
                        "response_format.type must be text, json_object or json_schema, got '"
                                + format.get("type").asText() + "'");
        };
    }

    private static ConstraintSpec jsonSchema(JsonNode jsonSchema) {
        if (jsonSchema == null || !jsonSchema.isObject()) {
            throw ApiException.invalid(
                    "response_format.json_schema", "response_format of type json_schema needs a json_schema object");
        }
        JsonNode schema = jsonSchema.get("schema");
        if (schema == null || schema.isNull()) {
            throw ApiException.invalid(
                    "response_format.json_schema.schema",
                    "response_format of type json_schema needs json_schema.schema");
        }
        JsonNode name = jsonSchema.get("name");
        if (name != null && !(name.isTextual() && NAME.matcher(name.asText()).matches())) {
            throw ApiException.invalid(
                    "response_format.json_schema.name",
                    "response_format.json_schema.name must be 1 to 64 letters, digits, '_' or '-'");
        }
        JsonNode strict = jsonSchema.get("strict");
        if (strict != null && !strict.isNull() && !strict.isBoolean()) {
            throw ApiException.invalid(
                    "response_format.json_schema.strict", "response_format.json_schema.strict must be true or false");
        }
        boolean relaxed = strict != null && strict.isBoolean() && !strict.asBoolean();
        return ConstraintSpec.jsonSchema(schema, !relaxed, "response_format.json_schema.schema");
    }
}
