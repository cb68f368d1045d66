package dev.gantry.runtime.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gantry.engine.tokenizer.TextTokenizer;
import dev.gantry.runtime.config.RuntimeConfig;
import dev.gantry.runtime.constraint.ConstraintSpec;
import dev.gantry.runtime.constraint.JsonWhitespaceOption;
import dev.gantry.runtime.http.ApiException;
import dev.gantry.runtime.http.InferenceEndpoint;
import dev.gantry.runtime.http.Json;
import dev.gantry.runtime.http.ResponseShape;
import dev.gantry.runtime.inference.Fields;
import dev.gantry.runtime.inference.InferenceRequest;
import dev.gantry.runtime.inference.InferenceService;
import dev.gantry.runtime.inference.RequestPreparer;
import dev.gantry.runtime.inference.SamplingFields;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /generate}: {@code {"prompt", "constraint": {"type": text|choice|regex|json|grammar, ...},
 * "parameters": {...}, "stream"}}. A {@code json} constraint takes an optional {@code schema} and
 * {@code whitespace} ({@code flexible} or {@code compact}). Parameters are those of the OpenAI endpoints ({@code max_tokens} or
 * {@code max_new_tokens}, {@code temperature}, {@code top_p}, {@code top_k}, {@code seed}, {@code stop},
 * penalties).
 */
public final class GenerateEndpoint extends InferenceEndpoint {
    private final RuntimeConfig config;
    private final TextTokenizer tokenizer;
    private final RequestPreparer preparer;
    private final GenerateShape shape;

    public GenerateEndpoint(
            InferenceService service,
            String modelName,
            RuntimeConfig config,
            TextTokenizer tokenizer,
            RequestPreparer preparer) {
        super(service, modelName);
        this.config = config;
        this.tokenizer = tokenizer;
        this.preparer = preparer;
        this.shape = new GenerateShape(modelName);
    }

    @Override
    protected ResponseShape shape() {
        return shape;
    }

    @Override
    protected InferenceRequest prepare(ObjectNode body) {
        Fields top = new Fields(body);
        String prompt = top.string("prompt");
        if (prompt == null) {
            throw ApiException.invalid("prompt", "prompt is required and must be a string");
        }
        JsonNode parametersNode = body.get("parameters");
        if (parametersNode != null && !parametersNode.isNull() && !parametersNode.isObject()) {
            throw ApiException.invalid("parameters", "parameters must be an object");
        }
        ObjectNode parameters = parametersNode instanceof ObjectNode object ? object.deepCopy() : Json.object();
        if (parameters.has("max_new_tokens") && !parameters.has("max_tokens")) {
            parameters.set("max_tokens", parameters.get("max_new_tokens"));
        }
        Fields f = new Fields(parameters);
        if (f.has("n")) {
            throw ApiException.invalid("parameters.n", "/generate returns one output; use /v1/completions for n > 1");
        }
        SamplingFields sampling = SamplingFields.parse(f, config, "max_tokens");
        return preparer.prepare(
                "generate",
                List.of(tokenizer.encode(prompt, true)),
                "prompt",
                sampling,
                constraint(body.get("constraint")),
                top.bool("stream", false),
                true);
    }

    static ConstraintSpec constraint(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject() || !node.path("type").isTextual()) {
            throw ApiException.invalid("constraint", "constraint must be an object with a type");
        }
        String type = node.get("type").asText();
        ConstraintSpec spec = switch (type) {
            case "text" -> null;
            case "choice" -> ConstraintSpec.choice(choices(node.get("choices")), "constraint.choices");
            case "regex" -> ConstraintSpec.regex(text(node, "pattern"), "constraint.pattern");
            case "json" ->
                node.hasNonNull("schema")
                        ? ConstraintSpec.jsonSchema(node.get("schema"), "constraint.schema")
                        : ConstraintSpec.anyJson("constraint");
            case "grammar" -> ConstraintSpec.grammar(text(node, "grammar"), "constraint.grammar");
            default ->
                throw ApiException.invalid(
                        "constraint.type",
                        "constraint.type must be text, choice, regex, json or grammar, got '" + type + "'");
        };
        return JsonWhitespaceOption.apply(spec, node.get("whitespace"), "constraint.whitespace");
    }

    private static List<String> choices(JsonNode node) {
        if (node == null || !node.isArray()) {
            throw ApiException.invalid("constraint.choices", "constraint.choices must be a list of strings");
        }
        List<String> choices = new ArrayList<>();
        for (JsonNode choice : node) {
            if (!choice.isTextual()) {
                throw ApiException.invalid("constraint.choices", "constraint.choices must be a list of strings");
            }
            choices.add(choice.asText());
        }
        return choices;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw ApiException.invalid("constraint." + field, "constraint." + field + " must be a string");
        }
        return value.asText();
    }
}
