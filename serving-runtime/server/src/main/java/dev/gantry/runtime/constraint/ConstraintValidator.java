package dev.gantry.runtime.constraint;

import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a constraint before anything is compiled: its kind must be allowed on this deployment, a JSON
 * Schema must be valid against the draft 2020-12 meta-schema, choices, regexes and grammars must not be
 * empty. Each failure is a 400 naming the field. (The regex and grammar syntax is the compiler's to judge:
 * its dialect is not java.util.regex's.)
 */
public final class ConstraintValidator {
    private static final int MAX_CHOICES = 10_000;

    private final Set<String> allowed;
    private final JsonSchema metaSchema;

    public ConstraintValidator(Set<String> allowed) {
        this.allowed = allowed;
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        this.metaSchema =
                factory.getSchema(SchemaLocation.of(JsonMetaSchema.getV202012().getIri()));
    }

    public void validate(ConstraintSpec spec) {
        if (!allowed.contains(spec.kind())) {
            throw new ConstraintException(
                    400,
                    spec.param(),
                    "Constraint kind '" + spec.kind()
                            + "' is not allowed on this deployment (allowed: "
                            + (allowed.isEmpty()
                                    ? "none"
                                    : allowed.stream().sorted().collect(Collectors.joining(", "))) + ")");
        }
        switch (spec.kind()) {
            case "choice" -> validateChoices(spec);
            case "regex" -> validateRegex(spec);
            case "json_schema" -> validateSchema(spec);
            case "grammar" -> {
                if (spec.grammar() == null || spec.grammar().isBlank()) {
                    throw new ConstraintException(400, spec.param(), "The grammar is empty");
                }
            }
            default -> {}
        }
    }

    private static void validateChoices(ConstraintSpec spec) {
        if (spec.choices() == null || spec.choices().isEmpty()) {
            throw new ConstraintException(400, spec.param(), "A choice constraint needs a non-empty list of strings");
        }
        if (spec.choices().size() > MAX_CHOICES) {
            throw new ConstraintException(
                    400, spec.param(), "A choice constraint takes at most " + MAX_CHOICES + " choices");
        }
        if (spec.choices().stream().anyMatch(String::isEmpty)) {
            throw new ConstraintException(400, spec.param(), "Choices must not be empty strings");
        }
    }

    private static void validateRegex(ConstraintSpec spec) {
        if (spec.pattern() == null || spec.pattern().isEmpty()) {
            throw new ConstraintException(400, spec.param(), "The regex is empty");
        }
    }

    private void validateSchema(ConstraintSpec spec) {
        if (spec.schema() == null || !(spec.schema().isObject() || spec.schema().isBoolean())) {
            throw new ConstraintException(400, spec.param(), "The JSON Schema must be a JSON object (or a boolean)");
        }
        Set<ValidationMessage> problems = metaSchema.validate(spec.schema());
        if (!problems.isEmpty()) {
            throw new ConstraintException(
                    400,
                    spec.param(),
                    "The JSON Schema is invalid: "
                            + problems.stream()
                                    .map(ValidationMessage::getMessage)
                                    .sorted()
                                    .limit(3)
                                    .collect(Collectors.joining("; ")));
        }
    }
}
