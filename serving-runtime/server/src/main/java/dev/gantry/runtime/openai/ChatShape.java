package dev.gantry.runtime.openai;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gantry.runtime.http.Json;
import dev.gantry.runtime.http.ResponseShape;
import dev.gantry.runtime.inference.OutputSink;
import java.util.List;

/** {@code chat.completion} and {@code chat.completion.chunk} objects. */
final class ChatShape implements ResponseShape {
    private final String model;

    ChatShape(String model) {
        this.model = model;
    }

    @Override
    public String idPrefix() {
        return "chatcmpl-";
    }

    private ObjectNode envelope(String id, long created, String object) {
        return Json.object()
                .put("id", id)
                .put("object", object)
                .put("created", created)
                .put("model", model);
    }

    @Override
    public ObjectNode full(String id, long created, List<OutputSink.ChoiceResult> choices, OutputSink.Usage usage) {
        ObjectNode root = envelope(id, created, "chat.completion");
        ArrayNode array = root.putArray("choices");
        for (OutputSink.ChoiceResult choice : choices) {
            ObjectNode node = array.addObject().put("index", choice.index());
            ObjectNode message =
                    node.putObject("message").put("role", "assistant").put("content", choice.text());
            message.putNull("refusal");
            node.putNull("logprobs");
            node.put("finish_reason", choice.finishReason());
        }
        root.set("usage", Usages.json(usage));
        return root;
    }

    private ObjectNode chunk(String id, long created, int choice, ObjectNode delta, String finishReason) {
        ObjectNode root = envelope(id, created, "chat.completion.chunk");
        ObjectNode node = root.putArray("choices").addObject().put("index", choice);
        node.set("delta", delta);
        node.putNull("logprobs");
        if (finishReason == null) {
            node.putNull("finish_reason");
        } else {
            node.put("finish_reason", finishReason);
        }
        return root;
    }

    @Override
    public ObjectNode opening(String id, long created, int choice) {
        return chunk(id, created, choice, Json.object().put("role", "assistant").put("content", ""), null);
    }

    @Override
    public ObjectNode delta(String id, long created, int choice, String text) {
        return chunk(id, created, choice, Json.object().put("content", text), null);
    }

    @Override
    public ObjectNode finish(String id, long created, int choice, String finishReason) {
        return chunk(id, created, choice, Json.object(), finishReason);
    }

    @Override
    public ObjectNode usage(String id, long created, OutputSink.Usage usage) {
        ObjectNode root = envelope(id, created, "chat.completion.chunk");
        root.putArray("choices");
        root.set("usage", Usages.json(usage));
        return root;
    }
}
