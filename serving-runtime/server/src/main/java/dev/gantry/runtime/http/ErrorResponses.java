package dev.gantry.runtime.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.http.HttpServerResponse;

/** Writes {@link ApiException}s as OpenAI-shaped JSON errors, with {@code Retry-After} when it applies. */
public final class ErrorResponses {
    private ErrorResponses() {}

    public static ObjectNode body(ApiException error) {
        ObjectNode root = Json.object();
        ObjectNode inner = root.putObject("error");
        inner.put("message", error.getMessage());
        inner.put("type", error.type());
        if (error.param() != null) {
            inner.put("param", error.param());
        } else {
            inner.putNull("param");
        }
        if (error.code() != null) {
            inner.put("code", error.code());
        } else {
            inner.putNull("code");
        }
        return root;
    }

    public static void send(HttpServerResponse response, ApiException error) {
        if (response.ended() || response.closed()) {
            return;
        }
        if (response.headWritten()) {
            // A stream already started: the error becomes its last event.
            response.end("data: " + Json.write(body(error)) + "\n\n");
            return;
        }
        response.setStatusCode(error.status()).putHeader("Content-Type", "application/json");
        if (error.retryAfterSeconds() != null) {
            response.putHeader("Retry-After", Integer.toString(error.retryAfterSeconds()));
        }
        response.end(Json.write(body(error)));
    }
}
