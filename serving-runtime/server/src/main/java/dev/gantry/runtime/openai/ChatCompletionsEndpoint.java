package dev.gantry.runtime.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gantry.engine.tokenizer.TextTokenizer;
import dev.gantry.runtime.chat.ChatMessage;
import dev.gantry.runtime.chat.ChatTemplate;
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
import java.util.Set;

/** {@code POST /v1/chat/completions}: messages rendered with the chat template, then generated. */
public final class ChatCompletionsEndpoint extends InferenceEndpoint {
    private static final Set<String> ROLES = Set.of("system", "developer", "user", "assistant");

    private final RuntimeConfig config;
    private final TextTokenizer tokenizer;
    private final ChatTemplate template;
    private final RequestPreparer preparer;
    private final ChatShape shape;

    public ChatCompletionsEndpoint(
            InferenceService service,
            String modelName,
            RuntimeConfig config,
            TextTokenizer tokenizer,
            ChatTemplate template,
            RequestPreparer preparer) {
        super(service, modelName);
        this.config = config;
        this.tokenizer = tokenizer;
        this.template = template;
        this.preparer = preparer;
        this.shape = new ChatShape(modelName);
    }

    @Override
    protected ResponseShape shape() {
        return shape;
    }

    @Override
    protected InferenceRequest prepare(ObjectNode body) {
        Fields f = new Fields(body);
        f.unsupported("tools", "tool calling is not available");
        f.unsupported("functions", "function calling is not available");
        f.unsupported("logprobs", "log probabilities are not returned");
        f.unsupported("top_logprobs", "log probabilities are not returned");
        f.unsupported("logit_bias", null);
        f.unsupported("audio", null);
        if (f.has("tool_choice") && !"none".equals(f.node("tool_choice").asText())) {
            throw ApiException.invalid("tool_choice", "tool_choice is not supported by this server");
        }
        String maxField = f.has("max_completion_tokens") ? "max_completion_tokens" : "max_tokens";
        SamplingFields sampling = SamplingFields.parse(f, config, maxField);
        String prompt;
        try {
            prompt = template.render(messages(body.get("messages")));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("messages", e.getMessage());
        }
        boolean stream = f.bool("stream", false);
        return preparer.prepare(
                "chat_completions",
                List.of(tokenizer.encode(prompt, false)),
                "messages",
                sampling,
                JsonWhitespaceOption.apply(
                        ResponseFormats.parse(body.get("response_format")),
                        body.get("json_whitespace"),
                        "json_whitespace"),
                stream,
                OpenAiStreams.includeUsage(f, stream));
    }

    static List<ChatMessage> messages(JsonNode node) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw ApiException.invalid("messages", "messages must be a non-empty list");
        }
        List<ChatMessage> messages = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode message = node.get(i);
            String role = message.path("role").asText("");
            if (!ROLES.contains(role)) {
                throw ApiException.invalid(
                        "messages[" + i + "].role",
                        "messages[" + i + "].role must be system, developer, user or assistant, got '" + role + "'");
            }
            messages.add(
                    new ChatMessage(role.equals("developer") ? "system" : role, content(message.get("content"), i)));
        }
        return messages;
    }

    private static String content(JsonNode content, int index) {
        String param = "messages[" + index + "].content";
        if (content == null || content.isNull()) {
            throw ApiException.invalid(param, param + " is required");
        }
        if (content.isTextual()) {
            return content.asText();
        }
        if (!content.isArray()) {
            throw ApiException.invalid(param, param + " must be a string or a list of text parts");
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode part : content) {
            if (!"text".equals(part.path("type").asText()) || !part.path("text").isTextual()) {
                throw ApiException.invalid(
                        param,
                        param + ": only text parts are supported (got type '"
                                + part.path("type").asText() + "')");
            }
            text.append(part.get("text").asText());
        }
        return text.toString();
    }
}
