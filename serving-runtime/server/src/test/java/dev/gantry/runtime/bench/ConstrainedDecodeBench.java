package dev.gantry.runtime.bench;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gantry.runtime.metrics.MetricsScrape;
import dev.gantry.runtime.support.Http;
import dev.gantry.runtime.support.TestServer;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Bench harness (not part of {@code verify}): the end-to-end decode cost of constrained requests against
 * the same unconstrained request, on the real server and model through HTTP. Each scenario sends
 * {@code streams} concurrent {@code /v1/completions} requests of up to 128 tokens (temperature 0.8, a
 * seed per stream) and reads the server's own metrics: generated tokens, the mean inter-token latency
 * (one decode step of the sequence, as its client sees tokens arrive), the mean time to compute one mask.
 *
 * <pre>
 * ./mvnw -B -pl serving-runtime/server -am verify -Dgantry.bench=true -Dtest=ConstrainedDecodeBench \
 *     -Dsurefire.failIfNoSpecifiedTests=false -DskipITs
 * </pre>
 */
class ConstrainedDecodeBench {
    private static final int TOKENS = 128;
    private static final int REPEATS = 5;

    /** Where to send the request body of stream {@code i}. */
    private record Scenario(String name, String path, IntFunction<ObjectNode> body) {}

    @Test
    void constrainedAgainstUnconstrainedDecoding() throws Exception {
        assumeTrue(Boolean.getBoolean("gantry.bench"), "run with -Dgantry.bench=true");
        System.out.println("load before: " + loadAverage());
        try (TestServer server = TestServer.start(Map.of(
                "GANTRY_MAX_BATCH_SIZE", "16",
                "GANTRY_MAX_CONCURRENT_SEQUENCES", "64",
                "GANTRY_CONSTRAINT_COMPILE_TIMEOUT", "30s"))) {
            List<Scenario> scenarios = scenarios();
            for (Scenario s : scenarios) {
                measure(server, s, 4); // warm-up: compiles, JIT, the constraint's mask caches
            }
            for (int streams : new int[] {1, 16}) {
                System.out.printf("%n%d concurrent stream(s), median of %d runs%n", streams, REPEATS);
                System.out.printf(
                        "%-34s %8s %10s %12s %10s %12s%n",
                        "scenario", "tokens", "tokens/s", "ITL ms", "vs none", "mask µs");
                double baseline = 0;
                for (Scenario s : scenarios) {
                    Result r = median(server, s, streams);
                    baseline = s.name().equals("none") ? r.itlMs() : baseline;
                    System.out.printf(
                            "%-34s %8.0f %10.0f %12.3f %9.1f%% %12.1f%n",
                            s.name(),
                            r.tokens(),
                            r.tokensPerSecond(),
                            r.itlMs(),
                            100 * (r.itlMs() / baseline - 1),
                            r.maskMicros());
                }
            }
        }
        System.out.println("load after: " + loadAverage());
    }

    private static List<Scenario> scenarios() {
        return List.of(
                new Scenario("none", "/v1/completions", i -> completion(i).put("ignore_eos", true)),
                new Scenario(
                        "json_schema: free string",
                        "/v1/completions",
                        i -> withSchema(completion(i), "{\"type\": \"string\", \"minLength\": 4000}")),
                new Scenario("regex: [a-z ,.]{400,800}", "/generate", ConstrainedDecodeBench::regex),
                new Scenario(
                        "json_schema: object, close_at_limit",
                        "/v1/completions",
                        i -> withSchema(completion(i), OBJECT_SCHEMA).put("close_at_limit", true)));
    }

    private static final String OBJECT_SCHEMA = """
            {"type": "object", "properties": {
              "title": {"type": "string", "maxLength": 60},
              "characters": {"type": "array", "items": {"type": "object", "properties": {
                  "name": {"type": "string", "maxLength": 20}, "age": {"type": "integer", "minimum": 0},
                  "role": {"enum": ["hero", "friend", "villain"]}}, "required": ["name", "role"]},
                "minItems": 1, "maxItems": 4},
              "happy_ending": {"type": "boolean"}},
             "required": ["title", "characters", "happy_ending"]}
            """;

    private static ObjectNode completion(int i) {
        return Http.JSON
                .createObjectNode()
                .put("prompt", "Once upon a time")
                .put("max_tokens", TOKENS)
                .put("temperature", 0.8)
                .put("seed", 100 + i);
    }

    private static ObjectNode withSchema(ObjectNode body, String schema) {
        ObjectNode format = body.putObject("response_format").put("type", "json_schema");
        format.putObject("json_schema").put("name", "bench").set("schema", Http.json(schema));
        return body;
    }

    private record Result(double tokens, double tokensPerSecond, double itlMs, double maskMicros) {}

    private static Result median(TestServer server, Scenario scenario, int streams) throws Exception {
        Result[] runs = new Result[REPEATS];
        for (int r = 0; r < REPEATS; r++) {
            runs[r] = measure(server, scenario, streams);
        }
        Arrays.sort(runs, (a, b) -> Double.compare(a.itlMs(), b.itlMs()));
        return runs[REPEATS / 2];
    }

    private static Result measure(TestServer server, Scenario scenario, int streams) throws Exception {
        MetricsScrape before = scrape(server);
        ExecutorService pool = Executors.newFixedThreadPool(streams);
        long start = System.nanoTime();
        try {
            List<CompletableFuture<Void>> done = new ArrayList<>();
            for (int i = 0; i < streams; i++) {
                String url = server.baseUrl() + scenario.path();
                String json = scenario.body().apply(i).toString();
                done.add(CompletableFuture.runAsync(
                        () -> {
                            var response = Http.post(url, json);
                            if (response.statusCode() != 200) {
                                throw new IllegalStateException(response.body());
                            }
                        },
                        pool));
            }
            CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).join();
        } finally {
            pool.shutdown();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        MetricsScrape after = scrape(server);
        double tokens = delta(before, after, "gantry_generated_tokens_total");
        double itl = delta(before, after, "gantry_inter_token_latency_seconds_sum")
                / delta(before, after, "gantry_inter_token_latency_seconds_count");
        double masks = delta(before, after, "gantry_constraint_mask_seconds_count");
        double mask = masks == 0 ? 0 : delta(before, after, "gantry_constraint_mask_seconds_sum") / masks;
        return new Result(tokens, tokens / seconds, itl * 1e3, mask * 1e6);
    }

    /** The regex scenario goes through {@code /generate}, the API that takes regexes. */
    private static ObjectNode regex(int i) {
        ObjectNode body = Http.JSON.createObjectNode().put("prompt", "Once upon a time");
        body.putObject("constraint").put("type", "regex").put("pattern", "[a-z ,.]{400,800}");
        body.putObject("parameters")
                .put("max_new_tokens", TOKENS)
                .put("temperature", 0.8)
                .put("seed", 100 + i);
        return body;
    }

    private static double delta(MetricsScrape before, MetricsScrape after, String name) {
        return after.value(name, Map.of()) - before.value(name, Map.of());
    }

    private static MetricsScrape scrape(TestServer server) {
        return MetricsScrape.of(Http.get(server.baseUrl() + "/metrics").body());
    }

    private static String loadAverage() throws Exception {
        return Files.readString(Paths.get("/proc/loadavg")).trim();
    }
}
