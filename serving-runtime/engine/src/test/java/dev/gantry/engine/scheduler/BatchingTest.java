package dev.gantry.engine.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.engine.InferenceEngine;
import dev.gantry.engine.TestModels;
import dev.gantry.engine.sampling.SamplingParams;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A sequence decoded inside a continuously changing batch gives the same tokens as decoded alone. */
class BatchingTest {
    private static final String[] PROMPTS = {
        "Zoo",
        "Once upon a time",
        "The little dog",
        "Tom and Sue went to the",
        "A bird",
        "Lily saw a big red ball",
        "One day, a",
        "The sun"
    };
    private static InferenceEngine engine;

    @BeforeAll
    static void load() {
        engine = InferenceEngine.load(TestModels.cpuOptions(TestModels.stories260K(), 4, 6));
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void greedySequencesDecodedTogetherMatchTheSameSequencesDecodedAlone() throws Exception {
        List<GenerationRequest> requests = new ArrayList<>();
        for (int i = 0; i < PROMPTS.length; i++) {
            // Different lengths make sequences leave the batch at different steps while others join.
            requests.add(GenerationRequest.of(
                    engine.tokenizer().encode(PROMPTS[i], true), SamplingParams.GREEDY, 20 + 7 * i));
        }
        List<GenerationResult> alone = new ArrayList<>();
        for (GenerationRequest request : requests) {
            alone.add(engine.generate(request));
        }

        List<GenerationResult> together = submitAll(requests);

        for (int i = 0; i < requests.size(); i++) {
            assertThat(together.get(i).tokens())
                    .as("prompt %d", i)
                    .isEqualTo(alone.get(i).tokens());
            assertThat(together.get(i).text()).isEqualTo(alone.get(i).text());
        }
    }

    @Test
    void seededSamplingGivesTheSameTokensAloneAndInABatch() throws Exception {
        SamplingParams seeded = new SamplingParams(0.9, 40, 0.95, 1, 0, 0, 1234L);
        int[] prompt = engine.tokenizer().encode("Once upon a time", true);
        GenerationRequest request = GenerationRequest.of(prompt, seeded, 40);
        GenerationResult alone = engine.generate(request);

        List<GenerationRequest> mixed = new ArrayList<>();
        mixed.add(GenerationRequest.of(
                engine.tokenizer().encode("The cat", true), new SamplingParams(1.2, 0, 1, 1, 0, 0, null), 30));
        mixed.add(request);
        mixed.add(GenerationRequest.of(engine.tokenizer().encode("Zoo", true), SamplingParams.GREEDY, 35));
        List<GenerationResult> together = submitAll(mixed);

        assertThat(together.get(1).tokens()).isEqualTo(alone.tokens());
    }

    @Test
    void differentSeedsGiveDifferentSamples() {
        int[] prompt = engine.tokenizer().encode("Once upon a time", true);
        GenerationResult first =
                engine.generate(GenerationRequest.of(prompt, new SamplingParams(1, 0, 1, 1, 0, 0, 1L), 30));
        GenerationResult second =
                engine.generate(GenerationRequest.of(prompt, new SamplingParams(1, 0, 1, 1, 0, 0, 2L), 30));

        assertThat(first.tokens()).isNotEqualTo(second.tokens());
    }

    private static List<GenerationResult> submitAll(List<GenerationRequest> requests) throws Exception {
        List<CompletableFuture<GenerationResult>> futures = new ArrayList<>();
        for (GenerationRequest request : requests) {
            CollectingListener listener = new CollectingListener();
            engine.submit(request, listener);
            futures.add(listener.result());
        }
        List<GenerationResult> results = new ArrayList<>();
        for (CompletableFuture<GenerationResult> future : futures) {
            results.add(future.get());
        }
        return results;
    }
}
