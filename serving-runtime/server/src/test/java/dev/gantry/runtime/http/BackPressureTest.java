package dev.gantry.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.runtime.support.Http;
import dev.gantry.runtime.support.TestServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** When every sequence slot is busy: a full queue answers 429, a request that waits too long 503, both with Retry-After. */
class BackPressureTest {
    private static final String LONG =
            "{\"prompt\": \"Once\", \"max_tokens\": 480, \"ignore_eos\": true, \"stream\": true}";
    private static final String SHORT = "{\"prompt\": \"Zoo\", \"max_tokens\": 3}";

    /** Starts a long streaming request and returns once its first token arrived; the future ends with the stream. */
    private static CompletableFuture<Void> occupySlot(TestServer server) throws Exception {
        CompletableFuture<Void> firstToken = new CompletableFuture<>();
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/v1/completions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(LONG))
                .build();
        CompletableFuture<Void> done = HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
                .thenAccept(response -> {
                    try (BufferedReader reader =
                            new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                        String line;
                        while ((line = reader.readLine()) != null) {
                            if (line.startsWith("data: ")) {
                                firstToken.complete(null);
                            }
                        }
                    } catch (Exception e) {
                        firstToken.completeExceptionally(e);
                    }
                });
        firstToken.get(30, TimeUnit.SECONDS);
        return done;
    }

    @Test
    void aFullQueueAnswers429WithRetryAfter() throws Exception {
        try (TestServer server =
                TestServer.start(Map.of("GANTRY_MAX_CONCURRENT_SEQUENCES", "1", "GANTRY_MAX_QUEUE_SIZE", "0"))) {
            CompletableFuture<Void> busy = occupySlot(server);

            HttpResponse<String> refused = Http.post(server.baseUrl() + "/v1/completions", SHORT);

            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(Http.json(refused).at("/error/code").asText()).isEqualTo("queue_full");
            busy.get(60, TimeUnit.SECONDS);
            assertThat(Http.post(server.baseUrl() + "/v1/completions", SHORT).statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void aRequestWaitingLongerThanTheQueueTimeoutAnswers503WithRetryAfter() throws Exception {
        try (TestServer server = TestServer.start(Map.of(
                "GANTRY_MAX_CONCURRENT_SEQUENCES",
                "1",
                "GANTRY_MAX_QUEUE_SIZE",
                "4",
                "GANTRY_QUEUE_TIMEOUT",
                "200ms"))) {
            CompletableFuture<Void> busy = occupySlot(server);

            HttpResponse<String> timedOut = Http.post(server.baseUrl() + "/v1/completions", SHORT);

            assertThat(timedOut.statusCode()).isEqualTo(503);
            assertThat(timedOut.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(Http.json(timedOut).at("/error/message").asText()).contains("waited");
            busy.get(60, TimeUnit.SECONDS);
        }
    }
}
