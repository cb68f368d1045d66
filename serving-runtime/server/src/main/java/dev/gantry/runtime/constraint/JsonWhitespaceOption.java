package dev.gantry.runtime.constraint;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gantry.runtime.http.ApiException;

/**
 * The request option that sets a JSON constraint's whitespace: {@code "flexible"} (the default: runs
 * of up to 20 spaces, tabs or newlines between tokens, so a model may pretty-print) or {@code "compact"}
 * (none, for models that would otherwise spend their tokens on blank space).
 */
public final class JsonWhitespaceOption {
    private JsonWhitespaceOption() {}

    /** {@code spec} with the whitespace {@code value} (null: unchanged); {@code param} names the field. */
    public static ConstraintSpec apply(ConstraintSpec spec, JsonNode value, String param) {
        if (value == null || value.isNull()) {
            return spec;
        }
        String policy = value.isTextual() ? value.asText() : "";
        if (!policy.equals("compact") && !policy.equals("flexible")) {
            throw ApiException.invalid(param, param + " must be \"flexible\" or \"compact\"");
        }
        if (spec == null || !spec.isJson()) {
            throw ApiException.invalid(param, param + " applies to JSON constraints only");
        }
        return policy.equals("compact") ? spec.withCompactJson() : spec;
    }
}
