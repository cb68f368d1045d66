package dev.gantry.runtime.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gantry.runtime.inference.InferenceRequest;
import dev.gantry.runtime.inference.InferenceService;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;

/**
 * The common path of the inference endpoints: parse the JSON body on the event loop, validate,
 * tokenize and compile on a worker thread, then stream or answer from the engine. A client that goes
 * away cancels its sequences.
 */
public abstract class InferenceEndpoint implements Handler<RoutingContext> {
    public static final String START_NANOS = "gantry.startNanos";

    private final InferenceService service;
    private final String modelName;

    protected InferenceEndpoint(InferenceService service, String modelName) {
        this.service = service;
        this.modelName = modelName;
    }

    /** Validates and prepares the request (worker thread; may tokenize and compile). */
    protected abstract InferenceRequest prepare(ObjectNode body);

    protected abstract ResponseShape shape();

    @Override
    public void handle(RoutingContext ctx) {
        ObjectNode body = Json.parseObject(ctx.body().asString());
        checkModel(body);
        Vertx vertx = ctx.vertx();
        Context context = vertx.getOrCreateContext();
        vertx.<InferenceRequest>executeBlocking(() -> prepare(body), false)
                .onSuccess(request -> run(ctx, context, request))
                .onFailure(ctx::fail);
    }

    private void run(RoutingContext ctx, Context context, InferenceRequest request) {
        if (ctx.response().closed()) {
            return;
        }
        ResponseWriter writer = new ResponseWriter(
                ctx.response(),
                shape(),
                request.stream(),
                request.includeUsage(),
                request.choiceCount(),
                () -> ctx.put(ResponseWriter.STREAM_FAILED, true));
        long start = ctx.get(START_NANOS, System.nanoTime());
        service.execute(
                request, writer, context, start, cancel -> ctx.response().closeHandler(v -> cancel.run()));
    }

    private void checkModel(ObjectNode body) {
        if (body.hasNonNull("model")) {
            if (!body.get("model").isTextual()) {
                throw ApiException.invalid("model", "model must be a string");
            }
            String requested = body.get("model").asText();
            if (!requested.equals(modelName)) {
                throw ApiException.modelNotFound(requested, modelName);
            }
        }
    }
}
