package dev.gantry.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.client.OpenAIClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.completions.Completion;
import com.openai.models.completions.CompletionCreateParams;
import dev.gantry.runtime.support.Clients;
import dev.gantry.runtime.support.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Many clients at once, streaming and not: every one gets its own answer, the same as when it asks alone. */
class ConcurrentClientsTest {
    private static final String[] WORDS = {
        "Zoo", "Once", "The dog", "A bird", "Lily", "Tom", "The sun", "A big", "One day", "Sam", "The cat", "Mom"
    };
    private static final int CLIENTS = 48;
    private static TestServer server;
    private static OpenAIClient client;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("GANTRY_MAX_BATCH_SIZE", "8", "GANTRY_MAX_CONCURRENT_SEQUENCES", "32"));
        client = Clients.openAi(server);
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    private static CompletionCreateParams params(int i) {
        return CompletionCreateParams.builder()
                .model("stories260K")
                .prompt(WORDS[i % WORDS.length] + " " + i)
                .maxTokens(10 + (i % 7) * 5)
                .temperature(0.0)
                .build();
    }

    private static String ask(int i, boolean stream) {
        if (!stream) {
            return client.completions().create(params(i)).choices().get(0).text();
        }
        try (StreamResponse<Completion> response = client.completions().createStreaming(params(i))) {
            return response.stream()
                    .flatMap(c -> c.choices().stream())
                    .map(c -> c.text())
                    .collect(Collectors.joining());
        }
    }

    @Test
    void concurrentClientsGetNoErrorsAndNoCrossTalk() throws Exception {
        List<String> alone = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            alone.add(ask(i, false));
        }
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<String>> together = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                int index = i;
                together.add(pool.submit(() -> ask(index, index % 2 == 0)));
            }
            for (int i = 0; i < CLIENTS; i++) {
                assertThat(together.get(i).get(120, TimeUnit.SECONDS))
                        .as("client %d", i)
                        .isEqualTo(alone.get(i));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(alone.stream().distinct().count()).isGreaterThan(CLIENTS / 2);
    }
}
