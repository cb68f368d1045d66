package dev.gantry.runtime.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gantry.engine.tokenizer.TextTokenizer;
import dev.gantry.runtime.config.RuntimeConfig;
import dev.gantry.runtime.constraint.JsonWhitespaceOption;
import dev.gantry.runtime.http.ApiException;
import dev.gantry.runtime.http.InferenceEndpoint;
import dev.gantry.runtime.http.ResponseShape;
import dev.gantry.runtime.inference.Fields;
import dev.gantry.runtime.inference.InferenceRequest;
import dev.gantry.runtime.inference.InferenceService;
import dev.gantry.runtime.inference.RequestPreparer;
import dev.gantry.runtime.inference.SamplingFields;
import java.util.ArrayList;
import java.util.List;

/** {@code POST /v1/completions}: one or several prompts (text or token ids), {@code n} choices each. */
public final class CompletionsEndpoint extends InferenceEndpoint {
    static final int MAX_PROMPTS = 16;

    private final RuntimeConfig config;
    private final TextTokenizer tokenizer;
    private final RequestPreparer preparer;
    private final int vocabSize;
    private final CompletionShape shape;

    public CompletionsEndpoint(
            InferenceService service,
            String modelName,
            RuntimeConfig config,
            TextTokenizer tokenizer,
            RequestPreparer preparer,
            int vocabSize) {
        super(service, modelName);
        this.config = config;
        this.tokenizer = tokenizer;
        this.preparer = preparer;
        this.vocabSize = vocabSize;
        this.shape = new CompletionShape(modelName);
    }

    @Override
    protected ResponseShape shape() {
        return shape;
    }

    @Override
    protected InferenceRequest prepare(ObjectNode body) {
        Fields f = new Fields(body);
        f.unsupported("echo", null);
        f.unsupported("logprobs", "log probabilities are not returned");
        f.unsupported("best_of", "use n");
        f.unsupported("logit_bias", null);
        if (f.has("suffix") && !f.string("suffix").isEmpty()) {
            throw ApiException.invalid("suffix", "suffix (insertion) is not supported by this server");
        }
        if (!f.has("prompt")) {
            throw ApiException.invalid("prompt", "prompt is required");
        }
        SamplingFields sampling = SamplingFields.parse(f, config, "max_tokens");
        boolean stream = f.bool("stream", false);
        return preparer.prepare(
                "completions",
                prompts(body.get("prompt")),
                "prompt",
                sampling,
                JsonWhitespaceOption.apply(
                        ResponseFormats.parse(body.get("response_format")),
                        body.get("json_whitespace"),
                        "json_whitespace"),
                stream,
                OpenAiStreams.includeUsage(f, stream));
    }

    private List<int[]> prompts(JsonNode prompt) {
        List<int[]> prompts = new ArrayList<>();
        if (prompt.isTextual()) {
            prompts.add(tokenizer.encode(prompt.asText(), true));
        } else if (prompt.isArray() && !prompt.isEmpty() && prompt.get(0).isIntegralNumber()) {
            prompts.add(tokenIds(prompt));
        } else if (prompt.isArray() && !prompt.isEmpty()) {
            if (prompt.size() > MAX_PROMPTS) {
                throw ApiException.invalid("prompt", "prompt takes at most " + MAX_PROMPTS + " prompts per request");
            }
            for (JsonNode item : prompt) {
                if (item.isTextual()) {
                    prompts.add(tokenizer.encode(item.asText(), true));
                } else if (item.isArray()) {
                    prompts.add(tokenIds(item));
                } else {
                    throw ApiException.invalid("prompt", "prompt must be a string, a list of strings or token ids");
                }
            }
        } else {
            throw ApiException.invalid("prompt", "prompt must be a non-empty string, list of strings or token ids");
        }
        return prompts;
    }

    private int[] tokenIds(JsonNode array) {
        int[] ids = new int[array.size()];
        for (int i = 0; i < ids.length; i++) {
            JsonNode id = array.get(i);
            if (!id.isIntegralNumber() || id.asLong() < 0 || id.asLong() >= vocabSize) {
                throw ApiException.invalid("prompt", "token ids must be integers from 0 to " + (vocabSize - 1));
            }
            ids[i] = id.asInt();
        }
        return ids;
    }
}
