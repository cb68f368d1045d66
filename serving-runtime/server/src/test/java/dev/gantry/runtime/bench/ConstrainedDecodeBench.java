package dev.gantry.runtime.bench;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gantry.runtime.metrics.MetricsScrape;
import dev.gantry.runtime.support.Http;
import dev.gantry.runtime.support.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Bench harness (not part of {@code verify}): the end-to-end decode cost of constrained requests against
 * the same unconstrained request, on the real server and model through HTTP. Each scenario sends
 * {@code streams} concurrent streamed requests of up to 128 tokens (temperature 0.8, a seed per stream).
 * Per-token time is the gap between consecutive text events as the client receives them (mean, p50, p99
 * over every gap of every run); the server's own metrics give generated tokens, the median of the runs'
 * mean inter-token latency and of their mean time to compute one mask. Scenarios run round-robin.
 *
 * <pre>
 * ./mvnw -B -o -pl serving-runtime/server -am verify -Dgantry.bench=true -Dtest=ConstrainedDecodeBench \
 *     -Dsurefire.failIfNoSpecifiedTests=false -DskipITs
 * </pre>
 */
class ConstrainedDecodeBench {
    private static final int TOKENS = 128;
    private static final int REPEATS = 5;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

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
                Map<Scenario, Result> results = interleaved(server, scenarios, streams);
                System.out.printf("%n%d concurrent stream(s), %d runs per scenario, interleaved%n", streams, REPEATS);
                System.out.printf(
                        "%-30s %7s %9s %9s %9s %9s %9s %9s %9s%n",
                        "scenario",
                        "tok/req",
                        "tokens/s",
                        "ITL ms",
                        "gap mean",
                        "gap p50",
                        "gap p99",
                        "vs none",
                        "mask µs");
                double baseline = results.get(scenarios.get(0)).gapMeanMs();
                for (Scenario s : scenarios) {
                    Result r = results.get(s);
                    System.out.printf(
                            "%-30s %7.1f %9.0f %9.3f %9.3f %9.3f %9.3f %8.1f%% %9.1f%n",
                            s.name(),
                            r.tokensPerRequest(),
                            r.tokensPerSecond(),
                            r.itlMs(),
                            r.gapMeanMs(),
                            r.gapP50Ms(),
                            r.gapP99Ms(),
                            100 * (r.gapMeanMs() / baseline - 1),
                            r.maskMicros());
                }
            }
        }
        System.out.println("load after: " + loadAverage());
    }

    private static List<Scenario> scenarios() {
        return List.of(
                new Scenario("none", "/v1/completions", i -> completion(i).put("ignore_eos", true)),
                new Scenario("choice: 32 sentences", "/generate", i -> generate(i, choices())),
                new Scenario("regex: [a-z ,.]{400,800}", "/generate", i -> generate(i, regex())),
                new Scenario(
                        "json_schema: free string",
                        "/v1/completions",
                        i -> withSchema(completion(i), "{\"type\": \"string\", \"minLength\": 4000}")),
                new Scenario(
                        "json_schema: object, close",
                        "/v1/completions",
                        i -> withSchema(completion(i), OBJECT_SCHEMA).put("close_at_limit", true)),
                new Scenario("grammar: story lines", "/generate", i -> generate(i, grammar())));
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

    private static final String GRAMMAR = """
            root   ::= line{6,}
            line   ::= name " " verb " " object ".\\n"
            name   ::= "Tim" | "Lily" | "The dog" | "Mom" | [A-Z] [a-z]{2,8}
            verb   ::= "saw" | "liked" | "played with" | "wanted" | [a-z]{3,8} "ed"
            object ::= ("a " | "the " | "his " | "her ") [a-z]{2,10} (" and " object)?
            """;

    private static final String[] WORDS = {
        "the", "little", "dog", "ran", "to", "park", "and", "saw", "a", "big", "red", "ball", "she", "was", "happy",
        "sun", "tree", "bird", "sang", "mom", "said", "play", "with", "friend"
    };

    private static ObjectNode completion(int i) {
        return Http.JSON
                .createObjectNode()
                .put("prompt", "Once upon a time")
                .put("max_tokens", TOKENS)
                .put("temperature", 0.8)
                .put("seed", 100 + i)
                .put("stream", true);
    }

    private static ObjectNode withSchema(ObjectNode body, String schema) {
        ObjectNode format = body.putObject("response_format").put("type", "json_schema");
        format.putObject("json_schema").put("name", "bench").set("schema", Http.json(schema));
        return body;
    }

    /** Choice, regex and grammar go through {@code /generate}, the API that takes them. */
    private static ObjectNode generate(int i, ObjectNode constraint) {
        ObjectNode body =
                Http.JSON.createObjectNode().put("prompt", "Once upon a time").put("stream", true);
        body.set("constraint", constraint);
        body.putObject("parameters")
                .put("max_new_tokens", TOKENS)
                .put("temperature", 0.8)
                .put("seed", 100 + i);
        return body;
    }

    /** 32 sentences of 40 words each (about 200 characters), sharing their first words in groups. */
    private static ObjectNode choices() {
        ObjectNode constraint = Http.JSON.createObjectNode().put("type", "choice");
        var list = constraint.putArray("choices");
        for (int k = 0; k < 32; k++) {
            Random random = new Random(k / 4);
            StringBuilder sentence = new StringBuilder();
            for (int w = 0; w < 40; w++) {
                if (w == 3) {
                    random = new Random(1000 + k);
                }
                sentence.append(w == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
            }
            list.add(sentence.append('.').toString());
        }
        return constraint;
    }

    private static ObjectNode regex() {
        return Http.JSON.createObjectNode().put("type", "regex").put("pattern", "[a-z ,.]{400,800}");
    }

    private static ObjectNode grammar() {
        return Http.JSON.createObjectNode().put("type", "grammar").put("grammar", GRAMMAR);
    }

    private record Result(
            double tokensPerRequest,
            double tokensPerSecond,
            double itlMs,
            double gapMeanMs,
            double gapP50Ms,
            double gapP99Ms,
            double maskMicros) {}

    /** One run: its server-side numbers and every client-side gap between text events, in nanoseconds. */
    private record Run(double tokens, double seconds, double itlMs, double maskMicros, List<Long> gaps) {}

    /**
     * Runs every scenario {@link #REPEATS} times, round-robin, so that a change in the machine's load
     * (it is shared) reaches all scenarios alike.
     */
    private static Map<Scenario, Result> interleaved(TestServer server, List<Scenario> scenarios, int streams)
            throws Exception {
        Map<Scenario, List<Run>> runs = new java.util.LinkedHashMap<>();
        for (int r = 0; r < REPEATS; r++) {
            for (Scenario s : scenarios) {
                runs.computeIfAbsent(s, k -> new ArrayList<>()).add(measure(server, s, streams));
            }
        }
        Map<Scenario, Result> results = new java.util.LinkedHashMap<>();
        runs.forEach((s, list) -> results.put(s, summarise(list, streams)));
        return results;
    }

    private static Result summarise(List<Run> runs, int streams) {
        List<Long> gaps = new ArrayList<>();
        runs.forEach(run -> gaps.addAll(run.gaps()));
        Collections.sort(gaps);
        double tokens = runs.stream().mapToDouble(Run::tokens).sum();
        double seconds = runs.stream().mapToDouble(Run::seconds).sum();
        double[] itl = runs.stream().mapToDouble(Run::itlMs).sorted().toArray();
        double[] mask = runs.stream().mapToDouble(Run::maskMicros).sorted().toArray();
        return new Result(
                tokens / (runs.size() * streams),
                tokens / seconds,
                itl[itl.length / 2],
                gaps.stream().mapToLong(Long::longValue).average().orElse(0) / 1e6,
                percentile(gaps, 0.50) / 1e6,
                percentile(gaps, 0.99) / 1e6,
                mask[mask.length / 2]);
    }

    private static double percentile(List<Long> sorted, double q) {
        return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.floor(q * sorted.size())));
    }

    private static Run measure(TestServer server, Scenario scenario, int streams) throws Exception {
        MetricsScrape before = scrape(server);
        ExecutorService pool = Executors.newFixedThreadPool(streams);
        List<Long> gaps = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        try {
            List<CompletableFuture<Void>> done = new ArrayList<>();
            for (int i = 0; i < streams; i++) {
                String url = server.baseUrl() + scenario.path();
                String json = scenario.body().apply(i).toString();
                done.add(CompletableFuture.runAsync(() -> gaps.addAll(streamGaps(url, json)), pool));
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
        return new Run(tokens, seconds, itl * 1e3, mask * 1e6, gaps);
    }

    /** Streams one request; returns the gaps between consecutive events that carry text. */
    private static List<Long> streamGaps(String url, String json) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        List<Long> gaps = new ArrayList<>();
        try {
            HttpResponse<Stream<String>> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofLines());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(response.statusCode() + ": "
                        + String.join("\n", response.body().toList()));
            }
            long previous = 0;
            for (String line : (Iterable<String>) response.body()::iterator) {
                long now = System.nanoTime();
                if (!line.startsWith("data: ") || line.equals("data: [DONE]")) {
                    continue;
                }
                JsonNode event = Http.json(line.substring(6));
                String text = event.has("choices")
                        ? event.path("choices").path(0).path("text").asText("")
                        : event.path("text").asText("");
                if (!text.isEmpty()) {
                    if (previous != 0) {
                        gaps.add(now - previous);
                    }
                    previous = now;
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return gaps;
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
