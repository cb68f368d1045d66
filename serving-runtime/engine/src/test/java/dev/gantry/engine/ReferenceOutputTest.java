package dev.gantry.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.engine.sampling.SamplingParams;
import dev.gantry.engine.scheduler.FinishReason;
import dev.gantry.engine.scheduler.GenerationRequest;
import dev.gantry.engine.scheduler.GenerationResult;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ReferenceOutputTest {
    private static InferenceEngine engine;

    @BeforeAll
    static void load() {
        engine = InferenceEngine.load(TestModels.cpuOptions(TestModels.stories260K(), 8, 8));
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void tokenizerEncodesThePromptWithBos() {
        assertThat(engine.tokenizer().encode("Zoo", true)).containsExactly(1, 410, 469, 347);
    }

    @Test
    void greedyDecodingReproducesTheReferenceTokenForToken() {
        int[] prompt = engine.tokenizer().encode("Zoo", true);
        int newTokens = TestModels.ZOO_REFERENCE.length - prompt.length;

        GenerationResult result = engine.generate(GenerationRequest.of(prompt, SamplingParams.GREEDY, newTokens));

        int[] all = IntStream.concat(
                        Arrays.stream(prompt), result.tokens().stream().mapToInt(Integer::intValue))
                .toArray();
        assertThat(all).containsExactly(TestModels.ZOO_REFERENCE);
        assertThat(result.finishReason()).isEqualTo(FinishReason.LENGTH);
        assertThat(result.text()).startsWith(" was a little girl named Lily. She loved to play outside in the park.");
    }
}
