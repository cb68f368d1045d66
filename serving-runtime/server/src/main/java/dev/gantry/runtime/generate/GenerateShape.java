package dev.gantry.runtime.generate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gantry.runtime.http.Json;
import dev.gantry.runtime.http.ResponseShape;
import dev.gantry.runtime.inference.OutputSink;
import dev.gantry.runtime.openai.Usages;
import java.util.List;

/**
 * The {@code /generate} format: {@code {"id", "model", "text", "finish_reason", "usage"}}; streamed as
 * {@code {"text": piece}} events, then {@code {"id", "finish_reason"}} and {@code {"id", "usage"}}.
 */
final class GenerateShape implements ResponseShape {
    private final String model;

    GenerateShape(String model) {
        this.model = model;
    }

    @Override
    public String idPrefix() {
        return "gen-";
    }

    @Override
    public ObjectNode full(String id, long created, List<OutputSink.ChoiceResult> choices, OutputSink.Usage usage) {
        OutputSink.ChoiceResult choice = choices.get(0);
        ObjectNode root = Json.object()
                .put("id", id)
                .put("model", model)
                .put("text", choice.text())
                .put("finish_reason", choice.finishReason());
        root.set("usage", Usages.json(usage));
        return root;
    }

    @Override
    public ObjectNode opening(String id, long created, int choice) {
        return null;
    }

    @Override
    public ObjectNode delta(String id, long created, int choice, String text) {
        return Json.object().put("text", text);
    }

    @Override
    public ObjectNode finish(String id, long created, int choice, String finishReason) {
        return Json.object().put("id", id).put("finish_reason", finishReason);
    }

    @Override
    public ObjectNode usage(String id, long created, OutputSink.Usage usage) {
        ObjectNode root = Json.object().put("id", id);
        root.set("usage", Usages.json(usage));
        return root;
    }
}
