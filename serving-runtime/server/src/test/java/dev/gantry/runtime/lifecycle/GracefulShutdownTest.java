package dev.gantry.runtime.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.runtime.support.Http;
import dev.gantry.runtime.support.RedisProcess;
import dev.gantry.runtime.support.TestServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM on a real runtime process: it stops being ready, refuses new work, lets in-flight requests
 * finish within the grace period (or cuts them at its end) and exits.
 */
class GracefulShutdownTest {
    @TempDir
    Path logs;

    private Process process;

    @AfterEach
    void kill() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
    }

    private String start(String grace) throws Exception {
        int port = RedisProcess.freePort();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder builder = new ProcessBuilder(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dai.djl.offline=true",
                "-DDJL_CACHE_DIR=" + System.getProperty("DJL_CACHE_DIR", "target/djl-cache"),
                "-cp",
                classpath,
                "dev.gantry.runtime.Main",
                "--port=" + port,
                "--host=127.0.0.1",
                "--device=cpu",
                "--shutdown-grace=" + grace);
        builder.environment().put("GANTRY_MODEL_DIR", TestServer.modelDir().toString());
        builder.redirectErrorStream(true)
                .redirectOutput(logs.resolve("runtime.log").toFile());
        process = builder.start();
        String base = "http://127.0.0.1:" + port;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try {
                if (Http.get(base + "/ready").statusCode() == 200) {
                    return base;
                }
            } catch (RuntimeException e) {
                // not listening yet
            }
            assertThat(process.isAlive()).as(log()).isTrue();
            Thread.sleep(100);
        }
        throw new AssertionError("the runtime did not get ready: " + log());
    }

    private String log() {
        try {
            return Files.readString(logs.resolve("runtime.log"));
        } catch (Exception e) {
            return "";
        }
    }

    /** Opens a streaming completion and returns its lines as they arrive, once the first token is in. */
    private static CompletableFuture<List<String>> stream(
            String base, int maxTokens, CompletableFuture<Void> firstToken) {
        String body =
                "{\"prompt\": \"Once\", \"max_tokens\": " + maxTokens + ", \"ignore_eos\": true, \"stream\": true}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/v1/completions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
                .thenApply(response -> {
                    List<String> lines = new ArrayList<>();
                    try (BufferedReader reader =
                            new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                        String line;
                        while ((line = reader.readLine()) != null) {
                            if (line.startsWith("data: ")) {
                                lines.add(line);
                                firstToken.complete(null);
                            }
                        }
                    } catch (Exception e) {
                        lines.add("broken: " + e);
                    }
                    firstToken.complete(null);
                    return lines;
                });
    }

    @Test
    void sigtermLetsInFlightRequestsFinishAndRefusesNewOnes() throws Exception {
        String base = start("30s");
        CompletableFuture<Void> firstToken = new CompletableFuture<>();
        CompletableFuture<List<String>> inFlight = stream(base, 450, firstToken);
        firstToken.get(30, TimeUnit.SECONDS);

        process.destroy(); // SIGTERM
        Thread.sleep(100);
        int readyDuringDrain = Http.get(base + "/ready").statusCode();
        HttpResponse<String> refused = Http.post(base + "/v1/completions", "{\"prompt\": \"Zoo\", \"max_tokens\": 2}");
        List<String> lines = inFlight.get(30, TimeUnit.SECONDS);

        assertThat(readyDuringDrain).isEqualTo(503);
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(Http.json(refused).at("/error/message").asText()).contains("shutting down");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("data: [DONE]");
        assertThat(String.join("\n", lines)).contains("\"finish_reason\":\"length\"");
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(log())
                .contains("shutting down: draining 1 in-flight requests")
                .contains("stopped");
    }

    @Test
    void requestsStillRunningWhenTheGracePeriodEndsAreCut() throws Exception {
        String base = start("300ms");
        CompletableFuture<Void> firstToken = new CompletableFuture<>();
        List<CompletableFuture<List<String>>> streams = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            streams.add(stream(base, 480, i == 0 ? firstToken : new CompletableFuture<>()));
        }
        firstToken.get(30, TimeUnit.SECONDS);
        long signalled = System.nanoTime();

        process.destroy();

        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - signalled)).isLessThan(Duration.ofSeconds(10));
        assertThat(log()).contains("grace period over");
        long cut = 0;
        for (CompletableFuture<List<String>> stream : streams) {
            List<String> lines = stream.get(10, TimeUnit.SECONDS);
            if (lines.isEmpty() || !lines.get(lines.size() - 1).equals("data: [DONE]")) {
                cut++;
            }
        }
        assertThat(cut).isPositive();
    }
}
