package dev.gantry.runtime.constraint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gantry.runtime.support.Generate;
import dev.gantry.runtime.support.Http;
import dev.gantry.runtime.support.TestServer;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model whose tokenizer the constraint library cannot use (here an added token beyond the model's
 * {@code vocab_size} of 512) still starts and serves text, but answers every valid constraint 501
 * {@code constraint_engine_unavailable} with the reason, never unconstrained output.
 */
class ConstraintEngineUnavailableTest {
    @TempDir
    static Path tokenizerDir;

    private static TestServer server;

    @BeforeAll
    static void start() throws IOException {
        Path model = TestServer.modelDir();
        ObjectNode tokenizer =
                (ObjectNode) Http.JSON.readTree(model.resolve("tokenizer.json").toFile());
        tokenizer
                .withArray("added_tokens")
                .addObject()
                .put("id", 600)
                .put("content", "<|beyond_the_model|>")
                .put("single_word", false)
                .put("lstrip", false)
                .put("rstrip", false)
                .put("normalized", false)
                .put("special", true);
        Http.JSON.writeValue(tokenizerDir.resolve("tokenizer.json").toFile(), tokenizer);
        Files.copy(model.resolve("tokenizer_config.json"), tokenizerDir.resolve("tokenizer_config.json"));
        server = TestServer.start(Map.of("GANTRY_TOKENIZER_DIR", tokenizerDir.toString()));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aValidConstraintIsAnswered501WithTheReasonWhileTextIsStillServed() {
        ObjectNode regex = Http.JSON.createObjectNode().put("type", "regex").put("pattern", "[a-z]+");
        ObjectNode emptyChoices = Http.JSON.createObjectNode().put("type", "choice");
        emptyChoices.putArray("choices");

        HttpResponse<String> constrained = Generate.post(server, Generate.body("Zoo", regex, greedy()));
        HttpResponse<String> invalid = Generate.post(server, Generate.body("Zoo", emptyChoices, greedy()));
        JsonNode text = Generate.ok(server, Generate.body("Zoo", null, greedy()));

        assertThat(constrained.statusCode()).as(constrained.body()).isEqualTo(501);
        JsonNode error = Http.json(constrained).get("error");
        assertThat(error.get("code").asText()).isEqualTo("constraint_engine_unavailable");
        assertThat(error.get("type").asText()).isEqualTo("not_implemented_error");
        assertThat(error.get("param").asText()).isEqualTo("constraint.pattern");
        assertThat(error.get("message").asText())
                .contains("not available on this server")
                .contains("vocab_size is 512");
        assertThat(invalid.statusCode()).as("validation still comes first").isEqualTo(400);
        assertThat(text.get("text").asText()).isNotEmpty();
    }

    private static ObjectNode greedy() {
        return Http.JSON.createObjectNode().put("max_new_tokens", 5).put("temperature", 0);
    }
}
