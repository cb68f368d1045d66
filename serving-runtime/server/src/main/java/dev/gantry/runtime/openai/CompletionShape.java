package dev.gantry.runtime.openai;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gantry.runtime.http.Json;
import dev.gantry.runtime.http.ResponseShape;
import dev.gantry.runtime.inference.OutputSink;
import java.util.List;

/** {@code text_completion} objects, whole and streamed. */
final class CompletionShape implements ResponseShape {
    private final String model;

    CompletionShape(String model) {
        this.model = model;
    }

    @Override
    public String idPrefix() {
        return "cmpl-";
    }

    private ObjectNode envelope(String id, long created) {
        return Json.object()
                .put("id", id)
                .put("object", "text_completion")
                .put("created", created)
                .put("model", model);
    }

    @Override
    public ObjectNode full(String id, long created, List<OutputSink.ChoiceResult> choices, OutputSink.Usage usage) {
        ObjectNode root = envelope(id, created);
        ArrayNode array = root.putArray("choices");
        for (OutputSink.ChoiceResult choice : choices) {
            array.add(choice(choice.index(), choice.text(), choice.finishReason()));
        }
        root.set("usage", Usages.json(usage));
        return root;
    }

    private static ObjectNode choice(int index, String text, String finishReason) {
        ObjectNode node = Json.object().put("index", index).put("text", text);
        node.putNull("logprobs");
        if (finishReason == null) {
            node.putNull("finish_reason");
        } else {
            node.put("finish_reason", finishReason);
        }
        return node;
    }

    @Override
    public ObjectNode opening(String id, long created, int choice) {
        return null;
    }

    @Override
    public ObjectNode delta(String id, long created, int choice, String text) {
        ObjectNode root = envelope(id, created);
        root.putArray("choices").add(choice(choice, text, null));
        return root;
    }

    @Override
    public ObjectNode finish(String id, long created, int choice, String finishReason) {
        ObjectNode root = envelope(id, created);
        root.putArray("choices").add(choice(choice, "", finishReason));
        return root;
    }

    @Override
    public ObjectNode usage(String id, long created, OutputSink.Usage usage) {
        ObjectNode root = envelope(id, created);
        root.putArray("choices");
        root.set("usage", Usages.json(usage));
        return root;
    }
}
