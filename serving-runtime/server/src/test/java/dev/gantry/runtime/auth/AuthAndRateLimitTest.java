package dev.gantry.runtime.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.client.OpenAIClient;
import com.openai.errors.PermissionDeniedException;
import com.openai.models.completions.CompletionCreateParams;
import dev.gantry.runtime.support.Clients;
import dev.gantry.runtime.support.Http;
import dev.gantry.runtime.support.TestServer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** API keys (plain and hashed files), both headers, 401/403/429 as JSON, open health and metrics, per-key buckets. */
class AuthAndRateLimitTest {
    private static final String PLAIN_KEY = "sk-plain-0123456789";
    private static final String HASHED_KEY = "sk-hashed-9876543210";
    private static final String BODY = "{\"prompt\": \"Zoo\", \"max_tokens\": 2, \"temperature\": 0}";

    @TempDir
    static Path keys;

    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        Files.writeString(keys.resolve("plain"), PLAIN_KEY + "\n");
        String hash = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(HASHED_KEY.getBytes(StandardCharsets.UTF_8)));
        Files.writeString(keys.resolve("hashed"), "sha256:" + hash);
        Files.createDirectories(keys.resolve("..data")); // what a Kubernetes secret volume also contains
        server = TestServer.start(Map.of(
                "GANTRY_API_KEYS_DIR", keys.toString(),
                "GANTRY_RATE_LIMIT_RPM", "60",
                "GANTRY_RATE_LIMIT_BURST", "3"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> complete(String... headers) {
        return Http.post(server.baseUrl() + "/v1/completions", BODY, headers);
    }

    @Test
    void aRequestWithoutAKeyIsUnauthorized() {
        HttpResponse<String> response = complete();

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(Http.json(response).at("/error/type").asText()).isEqualTo("authentication_error");
        assertThat(Http.json(response).at("/error/message").asText()).contains("Missing API key");
    }

    @Test
    void aWrongKeyIsForbiddenAndNeverEchoed() {
        HttpResponse<String> response = complete("Authorization", "Bearer sk-wrong-key");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).doesNotContain("sk-wrong-key");
    }

    @Test
    void plainAndHashedKeysWorkThroughBothHeaders() {
        assertThat(complete("Authorization", "Bearer " + PLAIN_KEY).statusCode())
                .isEqualTo(200);
        assertThat(Http.get(server.baseUrl() + "/v1/models", "X-API-Key", HASHED_KEY)
                        .statusCode())
                .isEqualTo(200);
        assertThat(Http.get(server.baseUrl() + "/v1/models").statusCode()).isEqualTo(401);
    }

    @Test
    void healthReadinessAndMetricsNeedNoKey() {
        assertThat(Http.get(server.baseUrl() + "/health").statusCode()).isEqualTo(200);
        assertThat(Http.get(server.baseUrl() + "/ready").statusCode()).isEqualTo(200);
        assertThat(Http.get(server.baseUrl() + "/metrics").statusCode()).isEqualTo(200);
    }

    @Test
    void theSdkReportsAWrongKeyAsPermissionDenied() {
        OpenAIClient client = Clients.openAi(server, "sk-not-a-key");
        try {
            assertThatThrownBy(() -> client.completions()
                            .create(CompletionCreateParams.builder()
                                    .model("stories260K")
                                    .prompt("Zoo")
                                    .maxTokens(2)
                                    .build()))
                    .isInstanceOf(PermissionDeniedException.class);
        } finally {
            client.close();
        }
    }

    @Test
    void eachKeyHasItsOwnTokenBucket() {
        // Burst 3 per key; the hashed key's bucket is untouched by the plain key's requests.
        int allowed = 0;
        HttpResponse<String> refused = null;
        for (int i = 0; i < 6; i++) {
            HttpResponse<String> response = complete("X-API-Key", HASHED_KEY);
            if (response.statusCode() == 200) {
                allowed++;
            } else {
                refused = response;
            }
        }

        assertThat(allowed).isEqualTo(3);
        assertThat(refused).isNotNull();
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After"))
                .hasValueSatisfying(v -> assertThat(Integer.parseInt(v)).isBetween(1, 2));
        assertThat(Http.json(refused).at("/error/code").asText()).isEqualTo("rate_limit_exceeded");
        assertThat(complete("Authorization", "Bearer " + PLAIN_KEY).statusCode())
                .isNotEqualTo(429);
    }
}
