package dev.gantry.runtime.http;

import dev.gantry.runtime.auth.AuthHandler;
import dev.gantry.runtime.fault.FaultInjector;
import dev.gantry.runtime.lifecycle.Lifecycle;
import dev.gantry.runtime.metrics.RuntimeMetrics;
import dev.gantry.runtime.ratelimit.RateLimiter;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.PlatformHandler;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The routes. {@code /health}, {@code /ready} and {@code /metrics} are open; the API routes pass, in
 * order: metrics and in-flight accounting, the drain check, the API key, the rate limit, test-only
 * faults, the body size limit, the loaded-model check, then the endpoint.
 */
public final class ApiRouter {
    private static final Logger LOG = LoggerFactory.getLogger(ApiRouter.class);

    private final Vertx vertx;
    private final Lifecycle lifecycle;
    private final RuntimeMetrics metrics;
    private final AtomicReference<Endpoints> endpoints;
    private final AuthHandler auth;
    private final RateLimiter rateLimiter;
    private final FaultInjector faults;
    private final int maxRequestBytes;

    public ApiRouter(
            Vertx vertx,
            Lifecycle lifecycle,
            RuntimeMetrics metrics,
            AtomicReference<Endpoints> endpoints,
            AuthHandler auth,
            RateLimiter rateLimiter,
            FaultInjector faults,
            int maxRequestBytes) {
        this.vertx = vertx;
        this.lifecycle = lifecycle;
        this.metrics = metrics;
        this.endpoints = endpoints;
        this.auth = auth;
        this.rateLimiter = rateLimiter;
        this.faults = faults;
        this.maxRequestBytes = maxRequestBytes;
    }

    public Router build() {
        Router router = Router.router(vertx);
        router.route().handler(ctx -> {
            ctx.put(InferenceEndpoint.START_NANOS, System.nanoTime());
            ctx.next();
        });
        router.get("/health").handler(ctx -> json(ctx, 200, "{\"status\":\"ok\"}"));
        router.get("/ready").handler(this::ready);
        router.get("/metrics")
                .handler(ctx -> ctx.response()
                        .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
                        .end(metrics.scrape()));
        api(router, HttpMethod.GET, "/v1/models", "models", false, Endpoints::models);
        api(router, HttpMethod.POST, "/v1/completions", "completions", true, Endpoints::completions);
        api(router, HttpMethod.POST, "/v1/chat/completions", "chat_completions", true, Endpoints::chatCompletions);
        api(router, HttpMethod.POST, "/generate", "generate", true, Endpoints::generate);
        router.route().last().handler(this::unmatched);
        router.route().failureHandler(this::failure);
        return router;
    }

    private void unmatched(RoutingContext ctx) {
        String path = ctx.request().path();
        HttpMethod allowed =
                path.equals("/v1/models") || path.equals("/health") || path.equals("/ready") || path.equals("/metrics")
                        ? HttpMethod.GET
                        : path.equals("/v1/completions")
                                        || path.equals("/v1/chat/completions")
                                        || path.equals("/generate")
                                ? HttpMethod.POST
                                : null;
        if (allowed != null) {
            ctx.response().putHeader("Allow", allowed.name());
            ctx.fail(new ApiException(
                    405,
                    "invalid_request_error",
                    "Method " + ctx.request().method() + " is not allowed on " + path + "; use " + allowed,
                    null,
                    "method_not_allowed",
                    null));
        } else {
            ctx.fail(new ApiException(404, "invalid_request_error", "Unknown path " + path, null, "not_found", null));
        }
    }

    private void ready(RoutingContext ctx) {
        if (lifecycle.ready()) {
            json(ctx, 200, "{\"status\":\"ready\"}");
        } else {
            json(ctx, 503, lifecycle.draining() ? "{\"status\":\"draining\"}" : "{\"status\":\"loading\"}");
        }
    }

    private void api(
            Router router,
            HttpMethod method,
            String path,
            String endpoint,
            boolean inference,
            Function<Endpoints, Handler<RoutingContext>> handler) {
        // Checks that need no body run as platform handlers, so that Vert.x lets them precede the body handler:
        // a request without a valid key, over its rate limit or arriving during a drain is refused unread.
        Route route = router.route(method, path).handler((PlatformHandler) ctx -> account(ctx, endpoint, inference));
        if (inference) {
            route.handler((PlatformHandler) this::refuseWhileDraining);
        }
        if (auth != null) {
            route.handler((PlatformHandler) auth::handle);
        }
        if (inference && rateLimiter != null) {
            route.handler((PlatformHandler) this::rateLimit);
        }
        if (inference && faults != null && faults.active()) {
            route.handler((PlatformHandler) faults::handle);
        }
        if (method == HttpMethod.POST) {
            route.handler(BodyHandler.create(false).setBodyLimit(maxRequestBytes));
        }
        route.handler(ctx -> {
            Endpoints loaded = endpoints.get();
            if (loaded == null) {
                ctx.fail(ApiException.unavailable("The model is still loading"));
            } else {
                handler.apply(loaded).handle(ctx);
            }
        });
    }

    /** Counts the request by endpoint and final status; a stream that failed after its head counts as 500. */
    private void account(RoutingContext ctx, String endpoint, boolean inference) {
        long start = ctx.get(InferenceEndpoint.START_NANOS);
        if (inference) {
            lifecycle.requestStarted();
        }
        ctx.addEndHandler(done -> {
            int status = ctx.response().getStatusCode();
            if (Boolean.TRUE.equals(ctx.get(ResponseWriter.STREAM_FAILED))) {
                status = 500;
            } else if (!ctx.response().ended()) {
                status = 499; // the client went away before the answer was complete
            }
            metrics.request(endpoint, status, System.nanoTime() - start);
            if (inference) {
                lifecycle.requestEnded();
            }
        });
        ctx.next();
    }

    private void refuseWhileDraining(RoutingContext ctx) {
        if (lifecycle.draining()) {
            ctx.response().putHeader("Connection", "close");
            ctx.fail(ApiException.unavailable("The server is shutting down; retry on another replica"));
        } else {
            ctx.next();
        }
    }

    private void rateLimit(RoutingContext ctx) {
        String caller = ctx.get(AuthHandler.IDENTITY);
        if (caller == null) {
            caller = "ip:" + ctx.request().remoteAddress().hostAddress();
        }
        ctx.request().pause(); // the body handler resumes once the decision is made
        rateLimiter.acquire(caller).onComplete(result -> {
            if (result.failed() || result.result().allowed()) {
                ctx.next();
            } else {
                ctx.fail(ApiException.rateLimited(result.result().retryAfterSeconds()));
            }
        });
    }

    private void failure(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        ApiException error;
        if (failure instanceof ApiException api) {
            error = api;
        } else if (ctx.statusCode() == 413) {
            error = new ApiException(
                    413,
                    "invalid_request_error",
                    "The request body is larger than the limit of " + maxRequestBytes + " bytes",
                    null,
                    "request_too_large",
                    null);
        } else if (ctx.statusCode() >= 400 && ctx.statusCode() < 500) {
            error = new ApiException(
                    ctx.statusCode(),
                    "invalid_request_error",
                    "The request was refused (" + ctx.statusCode() + ")",
                    null,
                    null,
                    null);
        } else {
            LOG.error(
                    "unexpected failure on {} {}",
                    ctx.request().method(),
                    ctx.request().path(),
                    failure);
            error = ApiException.internal("Internal server error");
        }
        ErrorResponses.send(ctx.response(), error);
    }

    private static void json(RoutingContext ctx, int status, String body) {
        ctx.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "application/json")
                .end(body);
    }
}
