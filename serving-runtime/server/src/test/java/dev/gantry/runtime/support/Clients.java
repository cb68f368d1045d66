package dev.gantry.runtime.support;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import java.time.Duration;

/** The official OpenAI Java SDK pointed at a test server. */
public final class Clients {
    private Clients() {}

    public static OpenAIClient openAi(TestServer server, String apiKey) {
        return OpenAIOkHttpClient.builder()
                .baseUrl(server.baseUrl() + "/v1")
                .apiKey(apiKey)
                .maxRetries(0)
                .timeout(Duration.ofSeconds(60))
                .build();
    }

    public static OpenAIClient openAi(TestServer server) {
        return openAi(server, "unused");
    }
}
