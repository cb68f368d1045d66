package dev.gantry.runtime.bench;

import dev.gantry.runtime.support.Http;
import dev.gantry.runtime.support.TestServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * End-to-end throughput through the HTTP API (a bench harness, not a test): streaming
 * {@code /v1/completions} clients against the real server on loopback, measuring time to first token as
 * a client sees it and aggregate generated tokens per second at 1, 4, 16 and 64 concurrent streams.
 *
 * <pre>
 * ./mvnw -B -q -pl serving-runtime/server -am install -DskipTests   (once, for the engine jar)
 * ./mvnw -B -q -pl serving-runtime/server test-compile exec:java \
 *     -Dexec.mainClass=dev.gantry.runtime.bench.HttpThroughputBench -Dexec.classpathScope=test
 * </pre>
 */
public final class HttpThroughputBench {
    private static final int[] CONCURRENCY = {1, 4, 16, 64};

    private HttpThroughputBench() {}

    record Stream(double ttftMs, int tokens) {}

    public static void main(String[] args) throws Exception {
        int tokens = Integer.getInteger("bench.tokens", 128);
        int batch = Integer.getInteger("bench.batch", 64);
        System.out.println(
                "load before: " + Files.readString(Paths.get("/proc/loadavg")).trim());
        try (TestServer server = TestServer.start(
                Map.of("GANTRY_MAX_BATCH_SIZE", Integer.toString(batch), "GANTRY_MAX_CONCURRENT_SEQUENCES", "64"))) {
            HttpClient client = HttpClient.newBuilder()
                    .executor(Executors.newCachedThreadPool())
                    .build();
            run(client, server, 8, 32);
            System.out.printf("HTTP streaming, max batch size %d, %d tokens per stream%n", batch, tokens);
            System.out.printf(
                    "%8s %12s %10s %14s %14s%n", "streams", "tokens/s", "speed-up", "mean TTFT ms", "max TTFT ms");
            double single = 0;
            for (int streams : CONCURRENCY) {
                long start = System.nanoTime();
                List<Stream> results = run(client, server, streams, tokens);
                double seconds = (System.nanoTime() - start) / 1e9;
                double rate = results.stream().mapToInt(Stream::tokens).sum() / seconds;
                single = streams == 1 ? rate : single;
                System.out.printf(
                        "%8d %12.0f %9.1fx %14.2f %14.2f%n",
                        streams,
                        rate,
                        rate / single,
                        results.stream().mapToDouble(Stream::ttftMs).average().orElse(0),
                        results.stream().mapToDouble(Stream::ttftMs).max().orElse(0));
            }
        }
        System.out.println(
                "load after: " + Files.readString(Paths.get("/proc/loadavg")).trim());
        System.exit(0);
    }

    static List<Stream> run(HttpClient client, TestServer server, int streams, int tokens) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(streams);
        try {
            List<CompletableFuture<Stream>> futures = new ArrayList<>();
            for (int i = 0; i < streams; i++) {
                futures.add(CompletableFuture.supplyAsync(() -> one(client, server, tokens), pool));
            }
            List<Stream> results = new ArrayList<>();
            for (CompletableFuture<Stream> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }

    static Stream one(HttpClient client, TestServer server, int tokens) {
        String body = "{\"prompt\": \"Once upon a time\", \"max_tokens\": " + tokens + ", \"temperature\": 0, "
                + "\"ignore_eos\": true, \"stream\": true, \"stream_options\": {\"include_usage\": true}}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/v1/completions"))
                .timeout(Duration.ofMinutes(5))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        long start = System.nanoTime();
        double ttft = -1;
        int generated = 0;
        try {
            HttpResponse<java.io.InputStream> response =
                    client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (BufferedReader reader =
                    new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    if (ttft < 0
                            && line.startsWith("data: {")
                            && line.contains("\"text\":\"")
                            && !line.contains("\"text\":\"\"")) {
                        ttft = (System.nanoTime() - start) / 1e6;
                    }
                    if (line.contains("\"usage\"")) {
                        generated = Http.json(line.substring(6))
                                .at("/usage/completion_tokens")
                                .asInt();
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return new Stream(ttft, generated);
    }
}
