package dev.gantry.engine.llama;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import dev.gantry.engine.InferenceEngine;
import dev.gantry.engine.TestModels;
import dev.gantry.engine.batch.StepBatch;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The KV cache must not change the model: step-by-step decoding equals recomputing the whole sequence. */
class CachedDecodingTest {
    private static InferenceEngine engine;

    @BeforeAll
    static void load() {
        // Two slots; the scheduler is idle, so the test may drive forward passes itself.
        engine = InferenceEngine.load(TestModels.cpuOptions(TestModels.stories260K(), 2, 2));
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void cachedAndUncachedDecodingGiveTheSameLogits() {
        LlamaModel model = engine.model();
        int[] sequence = Arrays.copyOf(TestModels.ZOO_REFERENCE, 40);
        int promptLength = 4;
        float maxDifference = 0;
        float[] cached = logits(model, new StepBatch.Row(0, 0, Arrays.copyOf(sequence, promptLength)));
        for (int length = promptLength; length < sequence.length; length++) {
            float[] uncached = logits(model, new StepBatch.Row(1, 0, Arrays.copyOf(sequence, length)));
            maxDifference = Math.max(maxDifference, maxAbsDifference(cached, uncached));
            cached = logits(model, new StepBatch.Row(0, length, new int[] {sequence[length]}));
        }

        assertThat(maxDifference).isLessThan(1e-4f);
    }

    @Test
    void aPromptPrefilledInChunksGivesTheSameLogitsAsInOnePass() {
        LlamaModel model = engine.model();
        int[] prompt = Arrays.copyOf(TestModels.ZOO_REFERENCE, 30);

        float[] onePass = logits(model, new StepBatch.Row(0, 0, prompt));
        logits(model, new StepBatch.Row(1, 0, Arrays.copyOfRange(prompt, 0, 11)));
        logits(model, new StepBatch.Row(1, 11, Arrays.copyOfRange(prompt, 11, 23)));
        float[] chunked = logits(model, new StepBatch.Row(1, 23, Arrays.copyOfRange(prompt, 23, 30)));

        assertThat(maxAbsDifference(onePass, chunked)).isLessThan(1e-4f);
    }

    @Test
    void rowsOfDifferentLengthsInOnePassMatchTheSameRowsAlone() {
        LlamaModel model = engine.model();
        int[] longer = Arrays.copyOf(TestModels.ZOO_REFERENCE, 25);
        int[] shorter = Arrays.copyOfRange(TestModels.ZOO_REFERENCE, 10, 17);

        float[] longAlone = logits(model, new StepBatch.Row(0, 0, longer));
        float[] shortAlone = logits(model, new StepBatch.Row(1, 0, shorter));
        float[][] together =
                batchLogits(model, List.of(new StepBatch.Row(0, 0, longer), new StepBatch.Row(1, 0, shorter)));

        assertThat(maxAbsDifference(longAlone, together[0])).isLessThan(1e-4f);
        assertThat(maxAbsDifference(shortAlone, together[1])).isLessThan(1e-4f);
    }

    private static float[] logits(LlamaModel model, StepBatch.Row row) {
        return batchLogits(model, List.of(row))[0];
    }

    private static float[][] batchLogits(LlamaModel model, List<StepBatch.Row> rows) {
        try (NDScope scope = new NDScope();
                NDManager step = NDManager.newBaseManager(ai.djl.Device.cpu())) {
            NDArray logits = model.forward(StepBatch.of(rows), step);
            float[] flat = logits.toFloatArray();
            int vocab = model.vocabSize();
            float[][] out = new float[rows.size()][];
            for (int b = 0; b < rows.size(); b++) {
                out[b] = Arrays.copyOfRange(flat, b * vocab, (b + 1) * vocab);
            }
            return out;
        }
    }

    private static float maxAbsDifference(float[] a, float[] b) {
        float max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }
}
