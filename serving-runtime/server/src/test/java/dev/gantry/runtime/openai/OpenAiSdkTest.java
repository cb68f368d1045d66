package dev.gantry.runtime.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.client.OpenAIClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.errors.OpenAIServiceException;
import com.openai.models.ResponseFormatJsonSchema;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.completions.Completion;
import com.openai.models.completions.CompletionChoice;
import com.openai.models.completions.CompletionCreateParams;
import com.openai.models.models.Model;
import dev.gantry.runtime.support.Clients;
import dev.gantry.runtime.support.TestServer;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The OpenAI-compatible API as the official OpenAI Java SDK sees it, against the real server. */
class OpenAiSdkTest {
    /** The reference continuation of "Zoo" (greedy), from the model's provenance. */
    static final String ZOO_CONTINUATION = " was a little girl named Lily. She loved to play outside in";

    private static TestServer server;
    private static OpenAIClient client;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        client = Clients.openAi(server);
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    private static CompletionCreateParams.Builder zoo(long maxTokens) {
        return CompletionCreateParams.builder()
                .model("stories260K")
                .prompt("Zoo")
                .maxTokens(maxTokens)
                .temperature(0.0);
    }

    @Test
    void completionReturnsTheReferenceGreedyTextAndUsage() {
        Completion completion = client.completions().create(zoo(20).build());

        CompletionChoice choice = completion.choices().get(0);
        assertThat(choice.text()).isEqualTo(ZOO_CONTINUATION);
        assertThat(choice.finishReason()).isEqualTo(CompletionChoice.FinishReason.LENGTH);
        assertThat(completion.model()).isEqualTo("stories260K");
        assertThat(completion.usage().orElseThrow().promptTokens()).isEqualTo(4);
        assertThat(completion.usage().orElseThrow().completionTokens()).isEqualTo(20);
        assertThat(completion.usage().orElseThrow().totalTokens()).isEqualTo(24);
    }

    @Test
    void streamedCompletionConcatenatesToTheSameText() {
        StringBuilder text = new StringBuilder();
        String finish;
        try (StreamResponse<Completion> stream = client.completions().createStreaming(zoo(20).build())) {
            List<Completion> chunks = stream.stream().toList();
            chunks.forEach(chunk -> chunk.choices().forEach(c -> text.append(c.text())));
            finish = chunks.get(chunks.size() - 1)
                    .choices()
                    .get(0)
                    .finishReason()
                    .toString();
            assertThat(chunks.size()).isGreaterThan(5);
        }

        assertThat(text.toString()).isEqualTo(ZOO_CONTINUATION);
        assertThat(finish).isEqualTo("length");
    }

    @Test
    void chatCompletionAnswersWithTheAssistantRole() {
        ChatCompletion chat = client.chat()
                .completions()
                .create(ChatCompletionCreateParams.builder()
                        .model("stories260K")
                        .addSystemMessage("You tell stories.")
                        .addUserMessage("Tell me about a dog.")
                        .maxCompletionTokens(12)
                        .temperature(0.0)
                        .build());

        assertThat(chat.choices()).hasSize(1);
        assertThat(chat.choices().get(0).message().content().orElseThrow()).isNotBlank();
        assertThat(chat.choices().get(0).message()._role().toString()).contains("assistant");
        assertThat(chat.usage().orElseThrow().completionTokens()).isEqualTo(12);
        assertThat(chat.usage().orElseThrow().promptTokens()).isGreaterThan(10);
    }

    @Test
    void streamedChatMatchesTheWholeAnswerAndReportsUsageAtTheEnd() {
        ChatCompletionCreateParams.Builder params = ChatCompletionCreateParams.builder()
                .model("stories260K")
                .addUserMessage("Once upon a time")
                .maxCompletionTokens(15)
                .temperature(0.0);
        String whole = client.chat()
                .completions()
                .create(params.build())
                .choices()
                .get(0)
                .message()
                .content()
                .orElseThrow();

        List<ChatCompletionChunk> chunks;
        try (StreamResponse<ChatCompletionChunk> stream = client.chat()
                .completions()
                .createStreaming(params.streamOptions(ChatCompletionStreamOptions.builder()
                                .includeUsage(true)
                                .build())
                        .build())) {
            chunks = stream.stream().toList();
        }

        String streamed = chunks.stream()
                .flatMap(c -> c.choices().stream())
                .map(c -> c.delta().content().orElse(""))
                .collect(Collectors.joining());
        assertThat(streamed).isEqualTo(whole);
        assertThat(chunks.get(0).choices().get(0).delta()._role().toString()).contains("assistant");
        assertThat(chunks.get(chunks.size() - 1).usage().orElseThrow().completionTokens())
                .isEqualTo(15);
    }

    @Test
    void nChoicesWithASeedAreReproducibleAndDistinct() {
        CompletionCreateParams params = CompletionCreateParams.builder()
                .model("stories260K")
                .prompt("Once upon a time")
                .maxTokens(25)
                .temperature(1.0)
                .n(3)
                .seed(42)
                .build();

        List<String> first = client.completions().create(params).choices().stream()
                .map(CompletionChoice::text)
                .toList();
        List<String> second = client.completions().create(params).choices().stream()
                .map(CompletionChoice::text)
                .toList();

        assertThat(first).hasSize(3).isEqualTo(second);
        assertThat(first.stream().distinct().count()).isGreaterThan(1);
    }

    @Test
    void aStopStringCutsTheText() {
        Completion completion =
                client.completions().create(zoo(40).stop(" named").build());

        assertThat(completion.choices().get(0).text()).isEqualTo(" was a little girl");
        assertThat(completion.choices().get(0).finishReason()).isEqualTo(CompletionChoice.FinishReason.STOP);
    }

    @Test
    void modelsListsTheServedModel() {
        List<Model> models = client.models().list().data();

        assertThat(models).extracting(Model::id).containsExactly("stories260K");
    }

    @Test
    void anInvalidSchemaInResponseFormatIsABadRequest() {
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
                .model("stories260K")
                .addUserMessage("Give me JSON")
                .responseFormat(ResponseFormatJsonSchema.builder()
                        .jsonSchema(ResponseFormatJsonSchema.JsonSchema.builder()
                                .name("broken")
                                .schema(ResponseFormatJsonSchema.JsonSchema.Schema.builder()
                                        .putAdditionalProperty("type", JsonValue.from("no-such-type"))
                                        .build())
                                .build())
                        .build())
                .build();

        assertThatThrownBy(() -> client.chat().completions().create(params))
                .isInstanceOfSatisfying(OpenAIServiceException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.param()).contains("response_format.json_schema.schema");
                    assertThat(e.getMessage()).contains("JSON Schema is invalid");
                });
    }
}
