package dev.gantry.runtime.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/** The handlers that need the loaded model; absent until the model is loaded and warmed up. */
public record Endpoints(
        Handler<RoutingContext> completions,
        Handler<RoutingContext> chatCompletions,
        Handler<RoutingContext> generate,
        Handler<RoutingContext> models) {}
