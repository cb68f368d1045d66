package dev.gantry.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.runtime.metrics.MetricsScrape;
import dev.gantry.runtime.support.Http;
import dev.gantry.runtime.support.TestServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A client that goes away cancels its sequence: the slot is freed and generation stops early. */
class CancellationTest {
    private static final int MAX_TOKENS = 450;
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("GANTRY_MAX_CONCURRENT_SEQUENCES", "2"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private Socket send(boolean stream) throws Exception {
        String body = "{\"prompt\": \"Once\", \"max_tokens\": " + MAX_TOKENS
                + ", \"ignore_eos\": true, \"temperature\": 1, " + "\"stream\": " + stream + "}";
        Socket socket = new Socket("127.0.0.1", server.port());
        OutputStream out = socket.getOutputStream();
        out.write(
                ("POST /v1/completions HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: "
                                + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body)
                        .getBytes(StandardCharsets.UTF_8));
        out.flush();
        return socket;
    }

    private static MetricsScrape metrics() {
        return MetricsScrape.of(Http.get(server.baseUrl() + "/metrics").body());
    }

    private static void awaitNothingRunning() throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (server.runtime().engine().scheduler().runningSequences() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    @Test
    void closingAStreamCancelsTheSequence() throws Exception {
        double generatedBefore = metrics().value("gantry_generated_tokens_total", Map.of());
        double cancelledBefore = metrics().value("gantry_requests_total", Map.of("status", "499"));

        try (Socket socket = send(true)) {
            BufferedReader reader =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null && !line.startsWith("data: ")) {
                // skip the response head
            }
            assertThat(line).startsWith("data: ");
            assertThat(server.runtime().engine().scheduler().runningSequences()).isEqualTo(1);
        }
        awaitNothingRunning();

        assertThat(server.runtime().engine().scheduler().runningSequences()).isZero();
        assertThat(server.runtime().engine().model().cache().freeSlots()).isEqualTo(2);
        double generated = metrics().value("gantry_generated_tokens_total", Map.of()) - generatedBefore;
        assertThat(generated).isGreaterThan(0).isLessThan(MAX_TOKENS);
        assertThat(metrics().value("gantry_requests_total", Map.of("status", "499")))
                .isEqualTo(cancelledBefore + 1);
    }

    @Test
    void disconnectingBeforeANonStreamedAnswerCancelsTheSequence() throws Exception {
        try (Socket socket = send(false)) {
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (server.runtime().engine().scheduler().runningSequences() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(2);
            }
            assertThat(server.runtime().engine().scheduler().runningSequences()).isEqualTo(1);
        }
        awaitNothingRunning();

        assertThat(server.runtime().engine().scheduler().runningSequences()).isZero();
        assertThat(Http.post(server.baseUrl() + "/v1/completions", "{\"prompt\": \"Zoo\", \"max_tokens\": 3}")
                        .statusCode())
                .isEqualTo(200);
    }
}
