package dev.gantry.runtime.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.runtime.http.ApiRouter;
import dev.gantry.runtime.http.Endpoints;
import dev.gantry.runtime.metrics.RuntimeMetrics;
import dev.gantry.runtime.support.Http;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP side of the lifecycle: alive while loading, ready only once loaded, not ready while draining. */
class ReadinessTest {
    private Vertx vertx;
    private HttpServer server;
    private Lifecycle lifecycle;
    private String base;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        lifecycle = new Lifecycle();
        ApiRouter router = new ApiRouter(
                vertx,
                lifecycle,
                new RuntimeMetrics("m", "r", "v"),
                new AtomicReference<Endpoints>(),
                null,
                null,
                null,
                1 << 20);
        server = vertx.createHttpServer()
                .requestHandler(router.build())
                .listen(0, "127.0.0.1")
                .toCompletionStage()
                .toCompletableFuture()
                .get();
        base = "http://127.0.0.1:" + server.actualPort();
    }

    @AfterEach
    void stop() {
        vertx.close();
    }

    @Test
    void whileTheModelLoadsTheProcessIsAliveButNotReady() {
        HttpResponse<String> ready = Http.get(base + "/ready");
        HttpResponse<String> completion = Http.post(base + "/v1/completions", "{\"prompt\": \"Zoo\"}");

        assertThat(Http.get(base + "/health").statusCode()).isEqualTo(200);
        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(ready.body()).contains("loading");
        assertThat(completion.statusCode()).isEqualTo(503);
        assertThat(Http.json(completion).at("/error/message").asText()).contains("still loading");
    }

    @Test
    void readinessFollowsTheLifecycle() throws Exception {
        lifecycle.markReady();
        assertThat(Http.get(base + "/ready").statusCode()).isEqualTo(200);

        assertThat(lifecycle.drain(java.time.Duration.ofMillis(10))).isTrue();

        HttpResponse<String> ready = Http.get(base + "/ready");
        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(ready.body()).contains("draining");
        assertThat(Http.post(base + "/v1/completions", "{\"prompt\": \"Zoo\"}").statusCode())
                .isEqualTo(503);
    }
}
