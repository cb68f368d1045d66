package dev.gantry.local.gateway;

import dev.gantry.local.endpoints.Endpoint;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Forwards one request to a pod and streams the answer back unbuffered (server-sent events pass through as they
 * are written). The request body is read first (up to {@link #MAX_BODY}), so that a request whose connection to a
 * pod fails, or is reset before any response arrives, is retried once on another ready pod of the same backend, as
 * Envoy's {@code retry_on: connect-failure,reset} does; nothing is retried once response bytes were sent.
 */
final class Proxy {

    static final int MAX_BODY = 16 * 1024 * 1024;
    static final String UPSTREAM_HEADER = "X-Gantry-Upstream";
    private static final int ATTEMPTS = 2;
    private static final Set<String> HOP_BY_HOP = Set.of(
            "connection",
            "keep-alive",
            "proxy-authenticate",
            "proxy-authorization",
            "te",
            "trailer",
            "transfer-encoding",
            "upgrade",
            "proxy-connection");

    private final HttpClient client;
    private final Upstreams upstreams;

    Proxy(Vertx vertx, Upstreams upstreams) {
        this.upstreams = upstreams;
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout(2000)
                .setKeepAlive(true)
                .setMaxPoolSize(64)
                .setIdleTimeout(0));
    }

    Upstreams upstreams() {
        return upstreams;
    }

    /** Forwards to a backend of the route, chosen by weight, with {@code uri} as the upstream request target. */
    void forward(HttpServerRequest request, Route route, String uri) {
        var backend = upstreams.pick(route.backends());
        if (backend.isEmpty()) {
            error(request.response(), 500, "no_backend", route.source() + " gives every backend weight 0");
            return;
        }
        body(request, body -> attempt(request, backend.get(), uri, body, new HashSet<>()));
    }

    /** Forwards to one endpoint only (a pod), without retries. */
    void forwardTo(HttpServerRequest request, Endpoint endpoint, String uri) {
        body(
                request,
                body -> send(
                        request,
                        endpoint,
                        uri,
                        body,
                        failure -> error(
                                request.response(),
                                502,
                                "bad_gateway",
                                "pod " + endpoint.podRef() + ": " + failure.getMessage())));
    }

    private void body(HttpServerRequest request, java.util.function.Consumer<Buffer> then) {
        var length = request.getHeader("Content-Length");
        if (length != null && Long.parseLong(length) > MAX_BODY) {
            error(
                    request.response(),
                    413,
                    "request_too_large",
                    "the gateway takes bodies up to " + MAX_BODY + " bytes");
            return;
        }
        request.body().onSuccess(then::accept).onFailure(e -> request.response().reset());
    }

    private void attempt(HttpServerRequest request, Backend backend, String uri, Buffer body, Set<Endpoint> tried) {
        var endpoint = upstreams.endpoint(backend, tried);
        if (endpoint.isEmpty()) {
            error(request.response(), 503, "no_healthy_upstream", "no ready pod behind Service " + backend.describe());
            return;
        }
        tried.add(endpoint.get());
        send(request, endpoint.get(), uri, body, failure -> {
            upstreams.eject(endpoint.get());
            if (tried.size() < ATTEMPTS && !request.response().headWritten()) {
                attempt(request, backend, uri, body, tried);
            } else {
                error(
                        request.response(),
                        502,
                        "bad_gateway",
                        "pod " + endpoint.get().podRef() + ": " + failure.getMessage());
            }
        });
    }

    /** Sends; {@code beforeResponse} runs when the connection fails or breaks before the response head arrives. */
    private void send(
            HttpServerRequest request,
            Endpoint endpoint,
            String uri,
            Buffer body,
            java.util.function.Consumer<Throwable> beforeResponse) {
        var options = new RequestOptions()
                .setHost("127.0.0.1")
                .setPort(endpoint.port())
                .setMethod(request.method())
                .setURI(uri);
        request.headers().forEach(h -> {
            if (!HOP_BY_HOP.contains(h.getKey().toLowerCase(Locale.ROOT))
                    && !h.getKey().equalsIgnoreCase("host")) {
                options.addHeader(h.getKey(), h.getValue());
            }
        });
        var host = request.getHeader("Host");
        if (host != null) {
            options.putHeader("X-Forwarded-Host", host);
        }
        options.putHeader("X-Forwarded-Proto", "http");
        options.putHeader(
                "X-Forwarded-For",
                request.remoteAddress() == null
                        ? "127.0.0.1"
                        : request.remoteAddress().hostAddress());
        client.request(options)
                .compose(upstream -> {
                    request.response().closeHandler(v -> upstream.reset());
                    return upstream.send(body);
                })
                .onSuccess(response -> relay(request.response(), response, endpoint))
                .onFailure(beforeResponse::accept);
    }

    private static void relay(HttpServerResponse out, HttpClientResponse in, Endpoint endpoint) {
        if (out.closed()) {
            in.request().reset();
            return;
        }
        out.setStatusCode(in.statusCode());
        out.setStatusMessage(in.statusMessage());
        in.headers().forEach(h -> {
            if (!HOP_BY_HOP.contains(h.getKey().toLowerCase(Locale.ROOT))) {
                out.headers().add(h.getKey(), h.getValue());
            }
        });
        out.putHeader(UPSTREAM_HEADER, endpoint.podRef());
        if (in.getHeader("Content-Length") == null) {
            out.setChunked(true);
        }
        in.pipeTo(out).onFailure(e -> out.reset());
    }

    static void error(HttpServerResponse response, int status, String code, String message) {
        if (response.headWritten() || response.closed()) {
            return;
        }
        var error = new JsonObject()
                .put(
                        "error",
                        new JsonObject()
                                .put("message", message)
                                .put("type", "gateway_error")
                                .put("code", code));
        response.setStatusCode(status)
                .putHeader("Content-Type", "application/json")
                .end(error.encode());
    }
}
