package dev.gantry.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gantry.runtime.support.Http;
import dev.gantry.runtime.support.TestServer;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every kind of bad request gets a 4xx JSON error in the OpenAI shape that names the problem. */
class BadRequestsTest {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of(
                "GANTRY_LIMIT_MAX_TOKENS", "100",
                "GANTRY_MAX_REQUEST_BYTES", "4096",
                "GANTRY_ALLOWED_CONSTRAINTS", "regex,json_schema,choice"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode error(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        JsonNode error = Http.json(response).get("error");
        assertThat(error).as(response.body()).isNotNull();
        assertThat(error.get("message").asText()).isNotBlank();
        assertThat(error.has("type")).isTrue();
        assertThat(error.has("param")).isTrue();
        assertThat(error.has("code")).isTrue();
        return error;
    }

    private static HttpResponse<String> completions(String body) {
        return Http.post(server.baseUrl() + "/v1/completions", body);
    }

    private static HttpResponse<String> generate(String body) {
        return Http.post(server.baseUrl() + "/generate", body);
    }

    @Test
    void malformedJsonIsRefusedWithItsPosition() {
        JsonNode error = error(completions("{\"prompt\": \"Zoo\", "), 400);

        assertThat(error.get("code").asText()).isEqualTo("invalid_json");
        assertThat(error.get("message").asText()).contains("not valid JSON").contains("line 1");
    }

    @Test
    void aBodyThatIsNotAnObjectIsRefused() {
        assertThat(error(completions("[1, 2]"), 400).get("message").asText()).contains("JSON object");
    }

    @Test
    void anUnknownModelIsNotFound() {
        JsonNode error = error(completions("{\"model\": \"gpt-4\", \"prompt\": \"Zoo\"}"), 404);

        assertThat(error.get("code").asText()).isEqualTo("model_not_found");
        assertThat(error.get("message").asText()).contains("gpt-4").contains("stories260K");
    }

    @Test
    void maxTokensAboveTheLimitIsRefused() {
        JsonNode error = error(completions("{\"prompt\": \"Zoo\", \"max_tokens\": 101}"), 400);

        assertThat(error.get("param").asText()).isEqualTo("max_tokens");
        assertThat(error.get("message").asText()).contains("101").contains("at most 100");
    }

    @Test
    void aPromptLongerThanTheContextIsRefused() {
        String longPrompt = "Zoo ".repeat(200); // about 600 tokens

        JsonNode error = error(completions("{\"prompt\": \"" + longPrompt + "\"}"), 400);

        assertThat(error.get("code").asText()).isEqualTo("context_length_exceeded");
        assertThat(error.get("message").asText()).contains("maximum context length is 512 tokens");
    }

    @Test
    void promptPlusMaxTokensBeyondTheContextIsRefused() {
        String prompt = "Zoo ".repeat(140); // about 420 tokens

        JsonNode error = error(completions("{\"prompt\": \"" + prompt + "\", \"max_tokens\": 100}"), 400);

        assertThat(error.get("code").asText()).isEqualTo("context_length_exceeded");
        assertThat(error.get("message").asText()).contains("for the output");
    }

    @Test
    void anInvalidRegexIsRefused() {
        JsonNode error = error(
                generate("{\"prompt\": \"Zoo\", \"constraint\": {\"type\": \"regex\", \"pattern\": \"[a-z\"}}"), 400);

        assertThat(error.get("param").asText()).isEqualTo("constraint.pattern");
        assertThat(error.get("message").asText()).contains("regex is invalid").contains("offset");
    }

    @Test
    void anInvalidSchemaIsRefused() {
        JsonNode error = error(
                generate(
                        "{\"prompt\": \"Zoo\", \"constraint\": {\"type\": \"json\", \"schema\": {\"type\": \"objekt\", \"minLength\": -1}}}"),
                400);

        assertThat(error.get("param").asText()).isEqualTo("constraint.schema");
        assertThat(error.get("message").asText()).contains("JSON Schema is invalid");
    }

    @Test
    void aConstraintKindThatIsNotAllowedIsRefused() {
        JsonNode error = error(
                generate(
                        "{\"prompt\": \"Zoo\", \"constraint\": {\"type\": \"grammar\", \"grammar\": \"root ::= 'a'\"}}"),
                400);

        assertThat(error.get("message").asText())
                .contains("'grammar' is not allowed")
                .contains("choice, json_schema, regex");
    }

    @Test
    void anUnknownConstraintTypeIsRefused() {
        JsonNode error = error(generate("{\"prompt\": \"Zoo\", \"constraint\": {\"type\": \"xml\"}}"), 400);

        assertThat(error.get("param").asText()).isEqualTo("constraint.type");
    }

    @Test
    void anOversizedBodyIsRefused() {
        String body = "{\"prompt\": \"" + "a".repeat(5000) + "\"}";

        JsonNode error = error(completions(body), 413);

        assertThat(error.get("message").asText()).contains("4096 bytes");
    }

    @Test
    void wrongTypesAndRangesNameTheField() {
        assertThat(error(completions("{\"prompt\": \"Zoo\", \"temperature\": \"hot\"}"), 400)
                        .get("param")
                        .asText())
                .isEqualTo("temperature");
        assertThat(error(completions("{\"prompt\": \"Zoo\", \"temperature\": 5}"), 400)
                        .get("message")
                        .asText())
                .contains("at most 2.0");
        assertThat(error(completions("{\"prompt\": \"Zoo\", \"top_p\": 0}"), 400)
                        .get("param")
                        .asText())
                .isEqualTo("top_p");
        assertThat(error(completions("{\"prompt\": \"Zoo\", \"n\": 100}"), 400)
                        .get("param")
                        .asText())
                .isEqualTo("n");
        assertThat(error(completions("{\"prompt\": \"Zoo\", \"stop\": [\"a\", 1]}"), 400)
                        .get("param")
                        .asText())
                .isEqualTo("stop");
        assertThat(error(completions("{\"prompt\": \"Zoo\", \"logprobs\": 5}"), 400)
                        .get("message")
                        .asText())
                .contains("not supported");
        assertThat(error(completions("{\"prompt\": [1, 99999]}"), 400)
                        .get("message")
                        .asText())
                .contains("token ids");
        assertThat(error(completions("{\"max_tokens\": 5}"), 400).get("param").asText())
                .isEqualTo("prompt");
    }

    @Test
    void badChatMessagesNameTheMessage() {
        String url = server.baseUrl() + "/v1/chat/completions";

        assertThat(error(Http.post(url, "{\"messages\": []}"), 400).get("param").asText())
                .isEqualTo("messages");
        assertThat(error(Http.post(url, "{\"messages\": [{\"role\": \"wizard\", \"content\": \"hi\"}]}"), 400)
                        .get("param")
                        .asText())
                .isEqualTo("messages[0].role");
        assertThat(error(
                                Http.post(
                                        url,
                                        "{\"messages\": [{\"role\": \"user\", \"content\": [{\"type\": \"image_url\"}]}]}"),
                                400)
                        .get("message")
                        .asText())
                .contains("only text parts");
    }

    @Test
    void unknownPathsAndMethodsAreJsonErrors() {
        assertThat(error(Http.get(server.baseUrl() + "/v1/embeddings"), 404)
                        .get("code")
                        .asText())
                .isEqualTo("not_found");
        assertThat(error(Http.get(server.baseUrl() + "/v1/completions"), 405)
                        .get("message")
                        .asText())
                .contains("GET");
    }
}
