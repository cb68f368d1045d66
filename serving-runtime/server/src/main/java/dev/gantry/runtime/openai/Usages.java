package dev.gantry.runtime.openai;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gantry.runtime.http.Json;
import dev.gantry.runtime.inference.OutputSink;

/** The OpenAI {@code usage} object. */
public final class Usages {
    private Usages() {}

    public static ObjectNode json(OutputSink.Usage usage) {
        return Json.object()
                .put("prompt_tokens", usage.promptTokens())
                .put("completion_tokens", usage.completionTokens())
                .put("total_tokens", usage.totalTokens());
    }
}
