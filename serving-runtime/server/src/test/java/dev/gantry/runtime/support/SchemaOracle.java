package dev.gantry.runtime.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.gantry.constraints.json.OracleCorrections;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The independent judge of JSON outputs: the networknt JSON Schema validator (draft 2020-12, formats
 * asserted), with the constraint library's documented corrections for its known errors.
 */
public final class SchemaOracle {
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    private final JsonSchema schema;

    public SchemaOracle(JsonNode schema) {
        this.schema = FACTORY.getSchema(schema, CONFIG);
    }

    /** What is wrong with {@code text} under the schema: empty when it parses and validates. */
    public List<String> problems(String text) {
        JsonNode value;
        try {
            value = Http.JSON.readTree(text);
        } catch (IOException e) {
            return List.of("not JSON: " + e.getMessage());
        }
        if (value == null) {
            return List.of("empty output");
        }
        List<String> problems = new ArrayList<>();
        for (ValidationMessage m : schema.validate(value)) {
            if (!OracleCorrections.isKnownOracleError(m, value)) {
                problems.add(m.getMessage());
            }
        }
        return problems;
    }
}
