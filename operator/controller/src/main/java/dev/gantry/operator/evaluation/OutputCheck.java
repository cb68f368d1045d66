package dev.gantry.operator.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.gantry.api.v1alpha1.rollout.PromptConstraint;
import dev.gantry.api.v1alpha1.rollout.PromptExpectation;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/** Checks one output against its prompt's constraint and expectation; says what is wrong, or nothing. */
public final class OutputCheck {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    private OutputCheck() {}

    /** Empty when the output satisfies both; else the first problem, for humans. */
    public static Optional<String> problem(PromptConstraint constraint, PromptExpectation expect, String output) {
        if (constraint != null) {
            var wrong = constraintProblem(constraint, output);
            if (wrong.isPresent()) {
                return wrong;
            }
        }
        return expect == null ? Optional.empty() : expectationProblem(expect, output);
    }

    static Optional<String> constraintProblem(PromptConstraint constraint, String output) {
        if (constraint.getChoice() != null) {
            return constraint.getChoice().contains(output)
                    ? Optional.empty()
                    : Optional.of("output " + quote(output) + " is not one of " + constraint.getChoice());
        }
        if (constraint.getRegex() != null) {
            return matches(constraint.getRegex(), output)
                    ? Optional.empty()
                    : Optional.of("output " + quote(output) + " does not match the regex " + constraint.getRegex());
        }
        if (constraint.getJsonSchema() != null) {
            return schemaProblem(constraint.getJsonSchema(), output);
        }
        return Optional.empty();
    }

    private static Optional<String> schemaProblem(JsonNode schema, String output) {
        JsonNode document;
        try {
            document = JSON.readTree(output);
        } catch (Exception e) {
            return Optional.of("output " + quote(output) + " is not JSON");
        }
        if (document == null) {
            return Optional.of("output is empty, not JSON");
        }
        var errors = SCHEMAS.getSchema(schema).validate(document);
        return errors.isEmpty()
                ? Optional.empty()
                : Optional.of("output does not match the JSON Schema: "
                        + errors.stream()
                                .map(ValidationMessage::getMessage)
                                .sorted()
                                .collect(Collectors.joining("; ")));
    }

    static Optional<String> expectationProblem(PromptExpectation expect, String output) {
        if (expect.getEquals() != null && !expect.getEquals().equals(output)) {
            return Optional.of("output " + quote(output) + " is not " + quote(expect.getEquals()));
        }
        if (expect.getContains() != null && !output.contains(expect.getContains())) {
            return Optional.of("output " + quote(output) + " does not contain " + quote(expect.getContains()));
        }
        if (expect.getMatches() != null && !matches(expect.getMatches(), output)) {
            return Optional.of("output " + quote(output) + " does not match " + expect.getMatches());
        }
        return Optional.empty();
    }

    private static boolean matches(String regex, String output) {
        try {
            return Pattern.compile(regex).matcher(output).matches();
        } catch (PatternSyntaxException e) {
            return false;
        }
    }

    private static String quote(String text) {
        var single = text.replace("\n", "\\n");
        return "\"" + (single.length() > 120 ? single.substring(0, 117) + "..." : single) + "\"";
    }
}
