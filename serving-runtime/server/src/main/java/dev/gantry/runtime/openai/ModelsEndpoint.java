package dev.gantry.runtime.openai;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gantry.runtime.http.Json;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/** {@code GET /v1/models}: the one model this server serves. */
public final class ModelsEndpoint implements Handler<RoutingContext> {
    private final String body;

    public ModelsEndpoint(String modelName, int maxContextLength, long created) {
        ObjectNode root = Json.object().put("object", "list");
        root.putArray("data")
                .addObject()
                .put("id", modelName)
                .put("object", "model")
                .put("created", created)
                .put("owned_by", "gantry")
                .put("max_model_len", maxContextLength);
        this.body = Json.write(root);
    }

    @Override
    public void handle(RoutingContext ctx) {
        ctx.response().putHeader("Content-Type", "application/json").end(body);
    }
}
