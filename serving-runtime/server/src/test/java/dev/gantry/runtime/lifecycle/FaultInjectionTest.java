package dev.gantry.runtime.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.runtime.support.Http;
import dev.gantry.runtime.support.TestServer;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The test profile's fault injection: every inference request delayed, then failed with 500. */
class FaultInjectionTest {
    @Test
    void injectedFaultsDelayAndFailInferenceButNotHealth() {
        try (TestServer server = TestServer.start(
                Map.of("GANTRY_PROFILE", "test", "GANTRY_FAULT_ERROR_RATE", "1.0", "GANTRY_FAULT_DELAY", "300ms"))) {
            long start = System.nanoTime();
            HttpResponse<String> response =
                    Http.post(server.baseUrl() + "/v1/completions", "{\"prompt\": \"Zoo\", \"max_tokens\": 2}");
            long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(Http.json(response).at("/error/message").asText()).contains("Injected fault");
            assertThat(elapsedMillis).isGreaterThanOrEqualTo(300);
            assertThat(Http.get(server.baseUrl() + "/ready").statusCode()).isEqualTo(200);
        }
    }
}
