package dev.gantry.runtime.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;

/** Requests to {@code POST /generate}, the Outlines-style endpoint (no OpenAI SDK covers it). */
public final class Generate {
    private Generate() {}

    /** The body {@code {"prompt", "constraint", "parameters"}}. */
    public static ObjectNode body(String prompt, ObjectNode constraint, ObjectNode parameters) {
        ObjectNode body = Http.JSON.createObjectNode().put("prompt", prompt);
        if (constraint != null) {
            body.set("constraint", constraint);
        }
        body.set("parameters", parameters);
        return body;
    }

    public static ObjectNode parameters(int maxNewTokens, double temperature, long seed) {
        return Http.JSON
                .createObjectNode()
                .put("max_new_tokens", maxNewTokens)
                .put("temperature", temperature)
                .put("seed", seed);
    }

    public static HttpResponse<String> post(TestServer server, ObjectNode body) {
        return Http.post(server.baseUrl() + "/generate", body.toString());
    }

    /** Posts and returns the 200 answer's JSON, failing with the body otherwise. */
    public static JsonNode ok(TestServer server, ObjectNode body) {
        HttpResponse<String> response = post(server, body);
        if (response.statusCode() != 200) {
            throw new AssertionError("/generate answered " + response.statusCode() + ": " + response.body());
        }
        return Http.json(response);
    }
}
