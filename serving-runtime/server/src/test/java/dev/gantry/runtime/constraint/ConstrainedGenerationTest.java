package dev.gantry.runtime.constraint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.openai.client.OpenAIClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.models.ResponseFormatJsonObject;
import com.openai.models.ResponseFormatJsonSchema;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.completions.Completion;
import com.openai.models.completions.CompletionChoice;
import com.openai.models.completions.CompletionCreateParams;
import dev.gantry.runtime.metrics.MetricsScrape;
import dev.gantry.runtime.support.Clients;
import dev.gantry.runtime.support.Generate;
import dev.gantry.runtime.support.Http;
import dev.gantry.runtime.support.SchemaOracle;
import dev.gantry.runtime.support.TestServer;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Constrained requests end to end through both HTTP APIs on the real model: {@code response_format}
 * through the official OpenAI SDK (chat and completions, streamed and not, {@code n > 1} with a seed),
 * every {@code /generate} constraint type, the interplay with {@code max_tokens}, {@code close_at_limit}
 * and stop strings, and the constraint metrics.
 */
class ConstrainedGenerationTest {
    private static final JsonNode PERSON = Http.json("""
            {"type": "object",
             "properties": {"name": {"type": "string", "maxLength": 12},
                            "age": {"type": "integer", "minimum": 0, "maximum": 120},
                            "pet": {"enum": ["cat", "dog", null]}},
             "required": ["name", "age", "pet"], "additionalProperties": false}
            """);
    private static final JsonNode STORY = Http.json(
            "{\"type\": \"object\", \"properties\": {\"story\": {\"type\": \"string\"}}, \"required\": [\"story\"]}");

    private static TestServer server;
    private static OpenAIClient client;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("GANTRY_CONSTRAINT_COMPILE_TIMEOUT", "30s"));
        client = Clients.openAi(server);
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    private static ResponseFormatJsonSchema schemaFormat(String name, JsonNode schema) {
        return ResponseFormatJsonSchema.builder()
                .jsonSchema(ResponseFormatJsonSchema.JsonSchema.builder()
                        .name(name)
                        .strict(true)
                        .schema(JsonValue.from(Http.JSON.convertValue(schema, Object.class)))
                        .build())
                .build();
    }

    private static ChatCompletionCreateParams.Builder personChat() {
        return ChatCompletionCreateParams.builder()
                .model("stories260K")
                .addUserMessage("Who is in the story? Answer in JSON.")
                .maxCompletionTokens(60)
                .temperature(0.0)
                .responseFormat(schemaFormat("person", PERSON))
                .putAdditionalBodyProperty("json_whitespace", JsonValue.from("compact"));
    }

    @Test
    void aChatAnswerUnderAJsonSchemaValidatesAndEndsWithTheObject() {
        ChatCompletion chat = client.chat().completions().create(personChat().build());

        String content = chat.choices().get(0).message().content().orElseThrow();
        assertThat(new SchemaOracle(PERSON).problems(content)).as(content).isEmpty();
        assertThat(chat.choices().get(0).finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.STOP);
        assertThat(chat.usage().orElseThrow().completionTokens()).isBetween(10L, 60L);
    }

    @Test
    void aStreamedChatAnswerUnderAJsonSchemaIsTheSameAnswer() {
        String whole = client.chat()
                .completions()
                .create(personChat().build())
                .choices()
                .get(0)
                .message()
                .content()
                .orElseThrow();

        List<ChatCompletionChunk> chunks;
        try (StreamResponse<ChatCompletionChunk> stream =
                client.chat().completions().createStreaming(personChat().build())) {
            chunks = stream.stream().toList();
        }

        String streamed = chunks.stream()
                .flatMap(c -> c.choices().stream())
                .map(c -> c.delta().content().orElse(""))
                .collect(Collectors.joining());
        assertThat(streamed).isEqualTo(whole);
        assertThat(chunks.stream()
                        .flatMap(c -> c.choices().stream())
                        .map(c -> c.finishReason().map(Object::toString).orElse(""))
                        .filter(r -> !r.isEmpty()))
                .containsExactly("stop");
    }

    @Test
    void aChatAnswerUnderJsonObjectIsAJsonObject() {
        ChatCompletion chat = client.chat()
                .completions()
                .create(ChatCompletionCreateParams.builder()
                        .model("stories260K")
                        .addUserMessage("Reply in JSON.")
                        .maxCompletionTokens(40)
                        .temperature(1.0)
                        .seed(3)
                        .responseFormat(ResponseFormatJsonObject.builder().build())
                        .putAdditionalBodyProperty("close_at_limit", JsonValue.from(true))
                        .build());

        String content = chat.choices().get(0).message().content().orElseThrow();
        assertThat(Http.json(content).isObject()).as(content).isTrue();
        assertThat(chat.choices().get(0).finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.STOP);
    }

    private static CompletionCreateParams.Builder storyCompletion(long maxTokens) {
        return CompletionCreateParams.builder()
                .model("stories260K")
                .prompt("Once upon a time")
                .maxTokens(maxTokens)
                .temperature(0.0)
                .putAdditionalBodyProperty("json_whitespace", JsonValue.from("compact"))
                .putAdditionalBodyProperty(
                        "response_format",
                        JsonValue.from(Map.of(
                                "type",
                                "json_schema",
                                "json_schema",
                                Map.of("name", "story", "schema", Http.JSON.convertValue(STORY, Object.class)))));
    }

    @Test
    void aStreamedCompletionUnderAJsonSchemaClosedAtTheLimitValidates() {
        CompletionCreateParams params = storyCompletion(40)
                .putAdditionalBodyProperty("close_at_limit", JsonValue.from(true))
                .build();
        String whole = client.completions().create(params).choices().get(0).text();

        StringBuilder streamed = new StringBuilder();
        String finish;
        try (StreamResponse<Completion> stream = client.completions().createStreaming(params)) {
            List<Completion> chunks = stream.stream().toList();
            chunks.forEach(chunk -> chunk.choices().forEach(c -> streamed.append(c.text())));
            finish = chunks.get(chunks.size() - 1)
                    .choices()
                    .get(0)
                    .finishReason()
                    .toString();
        }

        assertThat(streamed.toString()).isEqualTo(whole);
        assertThat(new SchemaOracle(STORY).problems(whole)).as(whole).isEmpty();
        assertThat(finish).isEqualTo("stop");
    }

    @Test
    void anOutputCutByMaxTokensIsLengthAndTruncatedUnlessClosedAtTheLimit() {
        MetricsScrape before = scrape();

        CompletionChoice cut = client.completions()
                .create(storyCompletion(20).build())
                .choices()
                .get(0);
        CompletionChoice closed = client.completions()
                .create(storyCompletion(20)
                        .putAdditionalBodyProperty("close_at_limit", JsonValue.from(true))
                        .build())
                .choices()
                .get(0);

        assertThat(cut.finishReason()).isEqualTo(CompletionChoice.FinishReason.LENGTH);
        assertThat(cut.text()).startsWith("{").doesNotEndWith("}");
        assertThat(closed.finishReason()).isEqualTo(CompletionChoice.FinishReason.STOP);
        assertThat(new SchemaOracle(STORY).problems(closed.text()))
                .as(closed.text())
                .isEmpty();
        assertThat(closed.text()).startsWith(cut.text().substring(0, 8)); // same greedy start, then closed
        MetricsScrape after = scrape();
        assertThat(delta(
                        before,
                        after,
                        "gantry_structured_outputs_total",
                        Map.of("kind", "json_schema", "result", "truncated")))
                .isEqualTo(1);
        assertThat(delta(
                        before,
                        after,
                        "gantry_structured_outputs_total",
                        Map.of("kind", "json_schema", "result", "valid")))
                .isEqualTo(1);
    }

    @Test
    void nSeededChoicesUnderASchemaAreReproducibleValidAndDistinct() {
        ChatCompletionCreateParams params = personChat()
                .temperature(1.2)
                .n(4)
                .seed(11)
                .putAdditionalBodyProperty("close_at_limit", JsonValue.from(true))
                .build();

        List<String> first = contents(client.chat().completions().create(params));
        List<String> second = contents(client.chat().completions().create(params));

        assertThat(first).hasSize(4).isEqualTo(second);
        assertThat(first)
                .allSatisfy(c ->
                        assertThat(new SchemaOracle(PERSON).problems(c)).as(c).isEmpty());
        assertThat(first.stream().distinct().count()).isGreaterThan(1);
    }

    private static List<String> contents(ChatCompletion chat) {
        return chat.choices().stream()
                .map(c -> c.message().content().orElseThrow())
                .toList();
    }

    private static ObjectNode constraint(String type) {
        return Http.JSON.createObjectNode().put("type", type);
    }

    private static ObjectNode greedy(int maxNewTokens) {
        return Http.JSON.createObjectNode().put("max_new_tokens", maxNewTokens).put("temperature", 0);
    }

    @Test
    void generateHonoursEveryConstraintType() {
        ObjectNode choice = constraint("choice");
        choice.putArray("choices").add("happy").add("sad").add("hungry");
        ObjectNode regex = constraint("regex").put("pattern", "[A-Z][a-z]{2,6} is [0-9]{1,2}");
        ObjectNode schema = constraint("json").put("whitespace", "compact");
        schema.set("schema", PERSON);
        ObjectNode grammar = constraint("grammar")
                .put("grammar", "root ::= \"(\" item (\", \" item){1,2} \")\"\nitem ::= [a-z]{1,6}");
        ObjectNode anyJson = constraint("json");
        ObjectNode closing = greedy(40).put("close_at_limit", true);

        String chosen = Generate.ok(server, Generate.body("The dog was", choice, greedy(10)))
                .get("text")
                .asText();
        String matched = Generate.ok(server, Generate.body("Tom", regex, greedy(20)))
                .get("text")
                .asText();
        String person = Generate.ok(server, Generate.body("Lily", schema, greedy(60)))
                .get("text")
                .asText();
        String parsed = Generate.ok(server, Generate.body("A list", grammar, greedy(40)))
                .get("text")
                .asText();
        String json = Generate.ok(server, Generate.body("Data", anyJson, closing))
                .get("text")
                .asText();

        assertThat(chosen).isIn("happy", "sad", "hungry");
        assertThat(matched).matches("[A-Z][a-z]{2,6} is [0-9]{1,2}");
        assertThat(new SchemaOracle(PERSON).problems(person)).as(person).isEmpty();
        assertThat(parsed).matches("\\([a-z]{1,6}(, [a-z]{1,6}){1,2}\\)");
        assertThat(Http.json(json)).as(json).isNotNull();
    }

    @Test
    void theTextTypeIsUnconstrained() {
        JsonNode plain = Generate.ok(server, Generate.body("Zoo", null, greedy(12)));
        JsonNode text = Generate.ok(server, Generate.body("Zoo", constraint("text"), greedy(12)));

        assertThat(text.get("text")).isEqualTo(plain.get("text"));
    }

    @Test
    void aStreamedGenerateUnderAConstraintIsTheSameText() {
        ObjectNode regex = constraint("regex").put("pattern", "([a-z]+ ){2,4}[a-z]+\\.");
        ObjectNode whole = Generate.body("The cat", regex, greedy(30).put("close_at_limit", true));
        ObjectNode streamed = whole.deepCopy().put("stream", true);

        String text = Generate.ok(server, whole).get("text").asText();
        String events = Generate.post(server, streamed).body();

        StringBuilder joined = new StringBuilder();
        for (String line : events.split("\n")) {
            if (line.startsWith("data: {") && line.contains("\"text\"")) {
                joined.append(Http.json(line.substring(6)).get("text").asText());
            }
        }
        assertThat(joined.toString()).isEqualTo(text).matches("([a-z]+ ){2,4}[a-z]+\\.");
    }

    @Test
    void aStopStringThatCutsAConstrainedOutputCountsAsTruncated() {
        ObjectNode regex = constraint("regex").put("pattern", "[a-z]+ [a-z]+ [a-z]+");
        ObjectNode parameters = greedy(30).put("close_at_limit", true);
        String full = Generate.ok(server, Generate.body("Tom", regex, parameters))
                .get("text")
                .asText();
        MetricsScrape before = scrape();

        parameters.putArray("stop").add(" ");
        JsonNode cut = Generate.ok(server, Generate.body("Tom", regex, parameters));

        assertThat(cut.get("text").asText()).isEqualTo(full.substring(0, full.indexOf(' ')));
        assertThat(cut.get("finish_reason").asText()).isEqualTo("stop");
        assertThat(delta(
                        before,
                        scrape(),
                        "gantry_structured_outputs_total",
                        Map.of("kind", "regex", "result", "truncated")))
                .isEqualTo(1);
    }

    @Test
    void constraintMetricsCountRequestsCompilationsMasksAndOutcomes() {
        ObjectNode choice = constraint("choice");
        choice.putArray("choices").add("red").add("green").add("blue").add("metrics-test");
        MetricsScrape before = scrape();

        Generate.ok(server, Generate.body("The ball was", choice, greedy(10)));
        Generate.ok(server, Generate.body("The ball was", choice, greedy(10)));

        MetricsScrape after = scrape();
        assertThat(delta(before, after, "gantry_constrained_requests_total", Map.of("kind", "choice")))
                .isEqualTo(2);
        assertThat(delta(before, after, "gantry_constraint_compile_seconds_count", Map.of("kind", "choice")))
                .as("compiled once, then served from the cache")
                .isEqualTo(1);
        assertThat(delta(before, after, "gantry_constraint_mask_seconds_count", Map.of()))
                .isGreaterThanOrEqualTo(2);
        assertThat(delta(before, after, "gantry_structured_outputs_total", Map.of("kind", "choice", "result", "valid")))
                .isEqualTo(2);
        assertThat(delta(before, after, "gantry_requests_total", Map.of("endpoint", "generate", "status", "200")))
                .isEqualTo(2);
    }

    private static double delta(MetricsScrape before, MetricsScrape after, String name, Map<String, String> labels) {
        return after.value(name, labels) - before.value(name, labels);
    }

    private static MetricsScrape scrape() {
        return MetricsScrape.of(Http.get(server.baseUrl() + "/metrics").body());
    }
}
