package dev.gantry.local.e2e;

import static dev.gantry.local.e2e.LocalModeFixture.NAMESPACE;
import static dev.gantry.local.e2e.LocalModeFixture.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gantry.local.LocalCluster;
import dev.gantry.local.traffic.Outcome;
import dev.gantry.local.traffic.Traffic;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Local mode end to end, with a client sending completions through the gateway the whole time and counting every
 * answer: the model is served, a killed runtime is restarted while the other replica takes the traffic, and Redis
 * going away and coming back costs no request.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalModeIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static LocalCluster cluster;
    private static Traffic traffic;

    @BeforeAll
    static void start() {
        cluster = LocalModeFixture.startServing("local-mode-it");
        traffic = Traffic.start(cluster.gatewayUrl(), 10, false);
    }

    @AfterAll
    static void stop() {
        if (traffic != null) {
            traffic.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void servesTheModelThroughTheGatewayPlainAndStreamed() throws Exception {
        var plain = Completions.post(
                cluster.gatewayUrl(), "{\"prompt\":\"Once upon a time\",\"max_tokens\":16,\"temperature\":0}");
        var stream = Completions.stream(
                cluster.gatewayUrl(),
                "{\"prompt\":\"Once upon a time\",\"max_tokens\":200,\"ignore_eos\":true,\"stream\":true}");
        var byServiceName = Completions.post(
                cluster.gatewayUrl(),
                "/v1/completions",
                "{\"prompt\":\"Lily\",\"max_tokens\":4}",
                "stories.default.svc");

        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(plain.body())
                        .path("choices")
                        .get(0)
                        .path("text")
                        .asText())
                .isNotBlank();
        assertThat(plain.headers().firstValue("X-Gantry-Upstream"))
                .hasValueSatisfying(pod -> assertThat(pod).startsWith(NAMESPACE + "/" + LocalModeFixture.MODEL + "-"));
        assertThat(stream.status()).isEqualTo(200);
        assertThat(stream.lines()).hasSizeGreaterThan(100).last().isEqualTo("data: [DONE]");
        long first = stream.millis().get(0);
        long done = stream.millis().get(stream.millis().size() - 1);
        assertThat(first)
                .as("the first event arrives long before the last (the gateway does not buffer the stream)")
                .isLessThan(done / 2);
        assertThat(byServiceName.statusCode())
                .as("Host: <service>.<namespace>.svc")
                .isEqualTo(200);
        assertThat(traffic.failures()).isEmpty();
    }

    @Test
    @Order(2)
    void answersConstrainedRequestsThroughTheGatewayAsTheDocsShow() throws Exception {
        var choice = Completions.post(
                cluster.gatewayUrl(),
                "/generate",
                "{\"prompt\": \"The cat was\", \"constraint\": {\"type\": \"choice\", \"choices\": [\"happy\", \"sad\"]}}",
                null);
        var schema = Completions.post(cluster.gatewayUrl(), "/v1/chat/completions", """
                {"messages": [{"role": "user", "content": "Tell me about a cat"}], "max_tokens": 30,
                 "json_whitespace": "compact",
                 "response_format": {"type": "json_schema", "json_schema": {"name": "cat", "strict": true,
                   "schema": {"type": "object", "properties": {"mood": {"enum": ["happy", "sad"]}},
                              "required": ["mood"], "additionalProperties": false}}}}""", null);

        assertThat(choice.statusCode()).as(choice.body()).isEqualTo(200);
        assertThat(JSON.readTree(choice.body()).path("text").asText()).isIn("happy", "sad");
        assertThat(schema.statusCode()).as(schema.body()).isEqualTo(200);
        var content = JSON.readTree(schema.body())
                .path("choices")
                .get(0)
                .path("message")
                .path("content")
                .asText();
        assertThat(JSON.readTree(schema.body())
                        .path("choices")
                        .get(0)
                        .path("finish_reason")
                        .asText())
                .as("the JSON object closed within max_tokens: %s", content)
                .isEqualTo("stop");
        assertThat(JSON.readTree(content).path("mood").asText()).as(content).isIn("happy", "sad");
    }

    @Test
    @Order(3)
    void restartsAKilledRuntimeWhileTheOtherReplicaServesEveryRequest() throws Exception {
        var victim = LocalModeFixture.running(cluster, "runtime").get(0);
        var survivor = LocalModeFixture.running(cluster, "runtime").get(1);
        var readiness = StatusWatch.start(cluster);
        long before = traffic.count();
        var killedAt = Instant.now();

        ProcessHandle.of(victim.pids().get(0)).orElseThrow().destroyForcibly();

        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            var status = LocalModeFixture.pod(cluster, victim.name())
                    .getStatus()
                    .getContainerStatuses()
                    .get(0);
            assertThat(status.getRestartCount()).isEqualTo(1);
            assertThat(status.getLastState().getTerminated().getExitCode()).isEqualTo(137);
            assertThat(status.getReady()).isTrue();
            assertThat(LocalModeFixture.modelDeployment(cluster).getStatus().getReady())
                    .isEqualTo("2/2");
        });
        Thread.sleep(2000);
        readiness.close();
        var during = traffic.outcomes().subList((int) before, (int) traffic.count());

        assertThat(readiness.seen())
                .as("the ModelDeployment reported the lost replica")
                .contains("1/2", "2/2");
        assertThat(readiness.reasons()).as("Ready's reasons while it restarted").contains("ModelLoading");
        assertThat(during)
                .hasSizeGreaterThan(20)
                .allSatisfy(o -> assertThat(o.ok()).as(o.toString()).isTrue());
        assertThat(during.stream()
                        .filter(o -> o.at().isAfter(killedAt))
                        .map(Outcome::upstream)
                        .anyMatch(u -> u.endsWith(survivor.name())))
                .isTrue();
    }

    @Test
    @Order(4)
    void keepsServingWithoutRedisWhileItIsStoppedAndUsesItAgainWhenItContinues() throws Exception {
        var request = "{\"prompt\":\"The little dog\",\"max_tokens\":12,\"temperature\":0}";
        Completions.post(cluster.gatewayUrl(), request);
        assertThat(Completions.post(cluster.gatewayUrl(), request).headers().firstValue("X-Gantry-Cache"))
                .hasValue("hit");
        var redis = LocalModeFixture.running(cluster, "cache").get(0);
        double errorsBefore = cacheLookups("result=\"error\"");
        long before = traffic.count();

        signal("STOP", redis.pids().get(0));
        List<String> whileStopped;
        try {
            whileStopped =
                    List.of(cacheHeader(request), cacheHeader(request), cacheHeader(request), cacheHeader(request));
        } finally {
            signal("CONT", redis.pids().get(0));
        }
        double errorsWhileStopped = cacheLookups("result=\"error\"") - errorsBefore;
        double hitsBefore = cacheLookups("result=\"hit\"");
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(cacheHeader(request)).isEqualTo("hit"));
        var during = traffic.outcomes().subList((int) before, (int) traffic.count());

        assertThat(whileStopped).as("answered without the cache").containsOnly("miss");
        assertThat(errorsWhileStopped)
                .as("failed cache lookups while Redis was stopped")
                .isGreaterThanOrEqualTo(4);
        assertThat(cacheLookups("result=\"hit\"")).isGreaterThan(hitsBefore);
        assertThat(during)
                .isNotEmpty()
                .allSatisfy(o -> assertThat(o.ok()).as(o.toString()).isTrue());
    }

    @Test
    @Order(5)
    void reconnectsToRedisAfterItCrashedAndTheNodeRestartedIt() throws Exception {
        var request = "{\"prompt\":\"One day, a bird\",\"max_tokens\":12,\"temperature\":0}";
        var redis = LocalModeFixture.running(cluster, "cache").get(0);
        long before = traffic.count();

        ProcessHandle.of(redis.pids().get(0)).orElseThrow().destroyForcibly();

        await().atMost(PATIENCE).untilAsserted(() -> {
            var status = LocalModeFixture.pod(cluster, redis.name())
                    .getStatus()
                    .getContainerStatuses()
                    .get(0);
            assertThat(status.getRestartCount()).isEqualTo(1);
            assertThat(status.getReady()).isTrue();
        });
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Completions.post(cluster.gatewayUrl(), request);
            assertThat(cacheHeader(request)).isEqualTo("hit");
        });
        var during = traffic.outcomes().subList((int) before, (int) traffic.count());

        assertThat(during)
                .isNotEmpty()
                .allSatisfy(o -> assertThat(o.ok()).as(o.toString()).isTrue());
    }

    private static String cacheHeader(String request) throws Exception {
        var response = Completions.post(cluster.gatewayUrl(), request);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.headers().firstValue("X-Gantry-Cache").orElse("none");
    }

    /** Cache lookups with this result, over both runtime pods. */
    private static double cacheLookups(String result) throws Exception {
        double total = 0;
        for (var pod : LocalModeFixture.running(cluster, "runtime")) {
            var metrics = RuntimeMetrics.scrape(cluster.gatewayUrl(), NAMESPACE, pod.name());
            total += RuntimeMetrics.sum(metrics, "gantry_cache_requests_total", result);
        }
        return total;
    }

    private static void signal(String signal, long pid) throws Exception {
        var kill = new ProcessBuilder("sh", "-c", "kill -" + signal + " " + pid).start();
        assertThat(kill.waitFor()).isZero();
    }

    /** Records the ModelDeployment's READY column and Ready reasons every 100 ms while a test runs. */
    private static final class StatusWatch implements AutoCloseable {
        private final Set<String> seen = ConcurrentHashMap.newKeySet();
        private final Set<String> reasons = ConcurrentHashMap.newKeySet();
        private final Thread thread;
        private volatile boolean running = true;

        private StatusWatch(LocalCluster cluster) {
            thread = new Thread(() -> {
                while (running) {
                    var md = LocalModeFixture.modelDeployment(cluster);
                    if (md.getStatus() != null) {
                        seen.add(md.getStatus().getReady());
                    }
                    LocalModeFixture.condition(cluster, "Ready").ifPresent(c -> reasons.add(c.getReason()));
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            thread.setDaemon(true);
        }

        static StatusWatch start(LocalCluster cluster) {
            var watch = new StatusWatch(cluster);
            watch.thread.start();
            return watch;
        }

        Set<String> seen() {
            return seen;
        }

        Set<String> reasons() {
            return reasons;
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.join();
        }
    }
}
