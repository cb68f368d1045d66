package dev.gantry.runtime.constraint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.openai.client.OpenAIClient;
import com.openai.core.JsonValue;
import com.openai.errors.BadRequestException;
import com.openai.models.ResponseFormatJsonObject;
import com.openai.models.ResponseFormatJsonSchema;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.gantry.runtime.metrics.MetricsScrape;
import dev.gantry.runtime.support.Clients;
import dev.gantry.runtime.support.Generate;
import dev.gantry.runtime.support.Http;
import dev.gantry.runtime.support.TestServer;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Constraints the server cannot use get a 400 in the OpenAI error shape that names the problem and
 * where it is: unsupported or unknown JSON Schema keywords (with their JSON pointer), regex features
 * (with the offset), grammar errors (with the rule), empty languages, the compile-time limit, a
 * disallowed kind, and options that contradict the constraint. The server allows every kind but
 * {@code json} and compiles for at most 300 ms.
 */
class ConstraintErrorsTest {
    private static TestServer server;
    private static OpenAIClient client;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of(
                "GANTRY_ALLOWED_CONSTRAINTS", "choice,regex,json_schema,grammar",
                "GANTRY_CONSTRAINT_COMPILE_TIMEOUT", "300ms"));
        client = Clients.openAi(server);
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    private static ChatCompletionCreateParams.Builder chatWithSchema(Map<String, Object> schema, Boolean strict) {
        ResponseFormatJsonSchema.JsonSchema.Builder format =
                ResponseFormatJsonSchema.JsonSchema.builder().name("answer").schema(JsonValue.from(schema));
        if (strict != null) {
            format.strict(strict);
        }
        return ChatCompletionCreateParams.builder()
                .model("stories260K")
                .addUserMessage("Answer in JSON.")
                .maxCompletionTokens(40)
                .temperature(0.0)
                .responseFormat(ResponseFormatJsonSchema.builder()
                        .jsonSchema(format.build())
                        .build());
    }

    private static final Map<String, Object> UNIQUE_TAGS = Map.of(
            "type", "object",
            "properties",
                    Map.of(
                            "tags",
                            Map.of(
                                    "type",
                                    "array",
                                    "items",
                                    Map.of("enum", java.util.List.of("a", "b")),
                                    "uniqueItems",
                                    true)),
            "required", java.util.List.of("tags"));

    @Test
    void aKeywordThatCannotBeEnforcedIsRefusedWithItsPointerUnlessStrictIsFalse() {
        assertThatThrownBy(() -> client.chat()
                        .completions()
                        .create(chatWithSchema(UNIQUE_TAGS, true).build()))
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    assertThat(e.code()).contains("invalid_constraint");
                    assertThat(e.param()).contains("response_format.json_schema.schema");
                    assertThat(e.getMessage())
                            .contains("cannot enforce")
                            .contains("uniqueItems")
                            .contains("/properties/tags/uniqueItems");
                });

        ChatCompletion relaxed = client.chat()
                .completions()
                .create(chatWithSchema(UNIQUE_TAGS, false)
                        .putAdditionalBodyProperty("close_at_limit", JsonValue.from(true))
                        .build());

        JsonNode answer = Http.json(relaxed.choices().get(0).message().content().orElseThrow());
        assertThat(answer.get("tags").isArray()).isTrue();
    }

    @Test
    void anUnknownKeywordIsRefusedByName() {
        Map<String, Object> schema = Map.of("type", "object", "properties", Map.of("a", Map.of("frobnicate", 1)));

        assertThatThrownBy(() -> client.chat()
                        .completions()
                        .create(chatWithSchema(schema, null).build()))
                .isInstanceOfSatisfying(
                        BadRequestException.class,
                        e -> assertThat(e.getMessage()).contains("frobnicate").contains("/properties/a/frobnicate"));
    }

    @Test
    void aSchemaThatAllowsNothingIsRefused() {
        Map<String, Object> schema = Map.of("type", "integer", "minimum", 5, "maximum", 3);

        assertThatThrownBy(() -> client.chat()
                        .completions()
                        .create(chatWithSchema(schema, true).build()))
                .isInstanceOfSatisfying(
                        BadRequestException.class,
                        e -> assertThat(e.getMessage()).contains("allows no output"));
    }

    @Test
    void aDisallowedKindIsRefusedThroughResponseFormat() {
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
                .model("stories260K")
                .addUserMessage("Answer in JSON.")
                .responseFormat(ResponseFormatJsonObject.builder().build())
                .build();

        assertThatThrownBy(() -> client.chat().completions().create(params))
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    assertThat(e.getMessage()).contains("'json' is not allowed");
                    assertThat(e.param()).contains("response_format");
                });
    }

    @Test
    void aSchemaThatCompilesPastTheLimitIsRefusedNamingTheLimit() {
        ObjectNode properties = Http.JSON.createObjectNode();
        for (int i = 0; i < 1500; i++) {
            properties.putObject("field_" + i).put("type", "string");
        }
        ObjectNode schema = Http.JSON.createObjectNode().put("type", "object");
        schema.set("properties", properties);
        ObjectNode constraint = Http.JSON.createObjectNode().put("type", "json");
        constraint.set("schema", schema);
        long start = System.nanoTime();

        JsonNode error = error(Generate.post(server, Generate.body("Zoo", constraint, greedy())), 400);

        assertThat(error.get("code").asText()).isEqualTo("invalid_constraint");
        assertThat(error.get("param").asText()).isEqualTo("constraint.schema");
        assertThat(error.get("message").asText()).contains("did not compile within the server's limit of 300 ms");
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(10);
    }

    @Test
    void regexFeaturesOutsideTheDialectAreRefusedWithTheirOffset() {
        JsonNode backReference = error(regex("(a)\\\\1"), 400);
        JsonNode lookAhead = error(regex("a(?=b)"), 400);

        assertThat(backReference.get("param").asText()).isEqualTo("constraint.pattern");
        assertThat(backReference.get("message").asText())
                .contains("back-reference")
                .contains("offset");
        assertThat(lookAhead.get("message").asText()).contains("look");
    }

    @Test
    void grammarErrorsNameTheRule() {
        JsonNode leftRecursive =
                error(grammar("root ::= list\\nlist ::= list \\\",\\\" item | item\\nitem ::= [a-z]"), 400);
        JsonNode undefined = error(grammar("root ::= greeting \\\"!\\\""), 400);

        assertThat(leftRecursive.get("param").asText()).isEqualTo("constraint.grammar");
        assertThat(leftRecursive.get("message").asText())
                .contains("left recursion")
                .contains("list -> list");
        assertThat(undefined.get("message").asText()).contains("greeting");
    }

    @Test
    void optionsThatContradictTheConstraintAreRefused() {
        ObjectNode choice = Http.JSON.createObjectNode().put("type", "choice");
        choice.putArray("choices").add("yes").add("no");

        JsonNode ignoreEos =
                error(Generate.post(server, Generate.body("Zoo", choice, greedy().put("ignore_eos", true))), 400);
        JsonNode closeWithout =
                error(Generate.post(server, Generate.body("Zoo", null, greedy().put("close_at_limit", true))), 400);
        JsonNode whitespaceOnChoice = error(
                Generate.post(server, Generate.body("Zoo", choice.deepCopy().put("whitespace", "compact"), greedy())),
                400);

        assertThat(ignoreEos.get("param").asText()).isEqualTo("ignore_eos");
        assertThat(closeWithout.get("param").asText()).isEqualTo("close_at_limit");
        assertThat(whitespaceOnChoice.get("param").asText()).isEqualTo("constraint.whitespace");
    }

    @Test
    void aBadResponseFormatNameOrStrictFlagIsRefused() {
        String badName =
                "{\"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}], \"response_format\": {\"type\": \"json_schema\","
                        + " \"json_schema\": {\"name\": \"no spaces allowed\", \"schema\": {\"type\": \"object\"}}}}";
        String badStrict =
                "{\"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}], \"response_format\": {\"type\": \"json_schema\","
                        + " \"json_schema\": {\"name\": \"x\", \"strict\": \"yes\", \"schema\": {\"type\": \"object\"}}}}";

        assertThat(error(Http.post(server.baseUrl() + "/v1/chat/completions", badName), 400)
                        .get("param")
                        .asText())
                .isEqualTo("response_format.json_schema.name");
        assertThat(error(Http.post(server.baseUrl() + "/v1/chat/completions", badStrict), 400)
                        .get("param")
                        .asText())
                .isEqualTo("response_format.json_schema.strict");
    }

    @Test
    void refusedConstraintsAreCountedButNeverCompiledOrGenerated() {
        MetricsScrape before = scrape();

        error(regex("(a)\\\\1"), 400);

        MetricsScrape after = scrape();
        assertThat(delta(before, after, "gantry_constrained_requests_total", Map.of("kind", "regex")))
                .isEqualTo(1);
        assertThat(delta(before, after, "gantry_constraint_compile_seconds_count", Map.of("kind", "regex")))
                .isZero();
        assertThat(delta(before, after, "gantry_requests_total", Map.of("endpoint", "generate", "status", "400")))
                .isEqualTo(1);
        assertThat(delta(before, after, "gantry_generated_tokens_total", Map.of()))
                .isZero();
    }

    private static ObjectNode greedy() {
        return Http.JSON.createObjectNode().put("max_new_tokens", 5).put("temperature", 0);
    }

    private static HttpResponse<String> regex(String escapedPattern) {
        return Http.post(
                server.baseUrl() + "/generate",
                "{\"prompt\": \"Zoo\", \"constraint\": {\"type\": \"regex\", \"pattern\": \"" + escapedPattern
                        + "\"}}");
    }

    private static HttpResponse<String> grammar(String escapedGrammar) {
        return Http.post(
                server.baseUrl() + "/generate",
                "{\"prompt\": \"Zoo\", \"constraint\": {\"type\": \"grammar\", \"grammar\": \"" + escapedGrammar
                        + "\"}}");
    }

    private static JsonNode error(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode error = Http.json(response).get("error");
        assertThat(error).as(response.body()).isNotNull();
        assertThat(error.get("type").asText()).isEqualTo("invalid_request_error");
        return error;
    }

    private static double delta(MetricsScrape before, MetricsScrape after, String name, Map<String, String> labels) {
        return after.value(name, labels) - before.value(name, labels);
    }

    private static MetricsScrape scrape() {
        return MetricsScrape.of(Http.get(server.baseUrl() + "/metrics").body());
    }
}
