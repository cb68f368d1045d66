package dev.gantry.runtime.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.runtime.metrics.MetricsScrape;
import dev.gantry.runtime.support.Http;
import dev.gantry.runtime.support.RedisProcess;
import dev.gantry.runtime.support.TestServer;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The response cache against a real redis-server: hit, miss, what is not cached, and Redis going away. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ResponseCacheTest {
    private static RedisProcess redis;
    private static TestServer server;

    @BeforeAll
    static void start() {
        redis = RedisProcess.start();
        server = TestServer.start(Map.of("GANTRY_CACHE_URL", redis.url(), "GANTRY_CACHE_TTL", "10m"));
    }

    @AfterAll
    static void stop() {
        server.close();
        redis.close();
    }

    private static HttpResponse<String> complete(String body) {
        return Http.post(server.baseUrl() + "/v1/completions", body);
    }

    private static double cacheCount(String result) {
        return MetricsScrape.of(Http.get(server.baseUrl() + "/metrics").body())
                .value("gantry_cache_requests_total", Map.of("result", result));
    }

    @Test
    @Order(1)
    void aRepeatedGreedyRequestIsServedFromTheCache() {
        String body = "{\"prompt\": \"Once upon a time\", \"max_tokens\": 30, \"temperature\": 0}";
        double hitsBefore = cacheCount("hit");

        HttpResponse<String> first = complete(body);
        HttpResponse<String> second = complete(body);

        assertThat(first.headers().firstValue("X-Gantry-Cache")).hasValue("miss");
        assertThat(second.headers().firstValue("X-Gantry-Cache")).hasValue("hit");
        assertThat(Http.json(second).get("choices")).isEqualTo(Http.json(first).get("choices"));
        assertThat(Http.json(second).get("usage")).isEqualTo(Http.json(first).get("usage"));
        assertThat(cacheCount("hit")).isEqualTo(hitsBefore + 1);
        assertThat(redis.command("KEYS gantry:response:rev-test:*")).contains("gantry:response:rev-test:");
        assertThat(redis.command("KEYS *")).doesNotContain("Once upon a time");
    }

    @Test
    @Order(2)
    void aCachedAnswerIsReplayedAsAStream() {
        String body = "{\"prompt\": \"The dog\", \"max_tokens\": 12, \"temperature\": 0, \"stream\": true}";

        HttpResponse<String> first = complete(body);
        HttpResponse<String> second = complete(body);

        assertThat(second.headers().firstValue("X-Gantry-Cache")).hasValue("hit");
        assertThat(streamedText(second.body())).isEqualTo(streamedText(first.body()));
        assertThat(second.body()).endsWith("data: [DONE]\n\n");
    }

    @Test
    @Order(3)
    void seededSamplingIsCachedButUnseededSamplingIsNot() {
        String seeded = "{\"prompt\": \"A cat\", \"max_tokens\": 10, \"temperature\": 1, \"seed\": 7}";
        String unseeded = "{\"prompt\": \"A cat\", \"max_tokens\": 10, \"temperature\": 1}";

        complete(seeded);
        HttpResponse<String> seededAgain = complete(seeded);
        complete(unseeded);
        HttpResponse<String> unseededAgain = complete(unseeded);

        assertThat(seededAgain.headers().firstValue("X-Gantry-Cache")).hasValue("hit");
        assertThat(unseededAgain.headers().firstValue("X-Gantry-Cache")).isEmpty(); // not eligible for the cache
    }

    @Test
    @Order(4)
    void differentParametersAreDifferentEntries() {
        complete("{\"prompt\": \"The sun\", \"max_tokens\": 10, \"temperature\": 0}");

        HttpResponse<String> longer = complete("{\"prompt\": \"The sun\", \"max_tokens\": 11, \"temperature\": 0}");

        assertThat(longer.headers().firstValue("X-Gantry-Cache")).hasValue("miss");
    }

    @Test
    @Order(5)
    void theConstraintIsPartOfTheKey() {
        String yesNo = "{\"prompt\": \"The dog\", \"max_tokens\": 10, \"temperature\": 0, \"response_format\":"
                + " {\"type\": \"json_schema\", \"json_schema\": {\"name\": \"a\", \"schema\": {\"enum\": [\"yes\", \"no\"]}}}}";
        String colour = yesNo.replace("[\"yes\", \"no\"]", "[\"red\", \"blue\"]");
        complete(yesNo);

        HttpResponse<String> other = complete(colour);
        HttpResponse<String> same = complete(yesNo);

        assertThat(other.headers().firstValue("X-Gantry-Cache")).hasValue("miss");
        assertThat(Http.json(other).at("/choices/0/text").asText()).isIn("\"red\"", "\"blue\"");
        assertThat(same.headers().firstValue("X-Gantry-Cache")).hasValue("hit");
        assertThat(Http.json(same).at("/choices/0/text").asText()).isIn("\"yes\"", "\"no\"");
    }

    @Test
    @Order(6)
    void whenRedisIsDownRequestsStillSucceedAndTheErrorIsCounted() {
        double errorsBefore = cacheCount("error");
        redis.stop();
        try {
            HttpResponse<String> response =
                    complete("{\"prompt\": \"Once upon a time\", \"max_tokens\": 30, \"temperature\": 0}");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("X-Gantry-Cache")).hasValue("miss");
            assertThat(cacheCount("error")).isEqualTo(errorsBefore + 1);
        } finally {
            redis.launch();
        }
        String body = "{\"prompt\": \"Back again\", \"max_tokens\": 5, \"temperature\": 0}";
        complete(body);
        assertThat(complete(body).headers().firstValue("X-Gantry-Cache")).hasValue("hit");
    }

    private static String streamedText(String sse) {
        StringBuilder text = new StringBuilder();
        for (String line : sse.split("\n")) {
            if (line.startsWith("data: {")) {
                Http.json(line.substring(6))
                        .path("choices")
                        .forEach(c -> text.append(c.path("text").asText()));
            }
        }
        return text.toString();
    }
}
