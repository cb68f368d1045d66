package dev.gantry.engine.sampling;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sampler on hand-made logits, where the right answer is known. */
class BatchSamplerTest {
    private static final int VOCAB = 70; // three mask words, the last one partly used
    private static final int EOS = 2;
    private NDManager manager;
    private BatchSampler sampler;

    @BeforeEach
    void setUp() {
        manager = NDManager.newBaseManager(Device.cpu());
        sampler = new BatchSampler(manager, VOCAB, new int[] {EOS}, MaskObserver.NONE);
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    @Test
    void masksAreUnpackedOnTheDeviceIncludingTheSignBitAndAPartialLastWord() {
        // Token 5 has the highest logit everywhere; the mask allows only 31 (bit 31 of word 0), 64 and 69.
        float[] row = ramp();
        row[5] = 100;
        NDArray logits = logits(row, row);
        List<SamplingState> rows = List.of(
                new SamplingState(SamplingParams.GREEDY, new AllowedSetMask(Set.of(31, 64, 69), 99), new int[] {1}),
                new SamplingState(SamplingParams.GREEDY, null, new int[] {1}));

        int[] tokens = sampler.sample(logits, rows, manager);

        assertThat(tokens[0]).isEqualTo(69); // highest logit among the allowed, by the ramp
        assertThat(tokens[1]).isEqualTo(5); // unmasked row unaffected
        assertThat(sampler.maskWords()).isEqualTo(3);
    }

    @Test
    void onlyBitThirtyOneAllowedSelectsTokenThirtyOne() {
        NDArray logits = logits(ramp());
        List<SamplingState> rows =
                List.of(new SamplingState(SamplingParams.GREEDY, new AllowedSetMask(Set.of(31), 99), new int[] {1}));

        assertThat(sampler.sample(logits, rows, manager)).containsExactly(31);
    }

    @Test
    void topKOfOneAndATinyTopPAreGreedy() {
        float[] row = ramp();
        row[17] = 50;
        List<SamplingState> rows = List.of(
                new SamplingState(new SamplingParams(1.0, 1, 1, 1, 0, 0, 3L), null, new int[] {1}),
                new SamplingState(new SamplingParams(1.0, 0, 0.01, 1, 0, 0, 4L), null, new int[] {1}));

        for (int i = 0; i < 20; i++) {
            assertThat(sampler.sample(logits(row, row), rows, manager)).containsExactly(17, 17);
        }
    }

    @Test
    void samplingFollowsTheDistribution() {
        // Two tokens with probabilities 0.75 and 0.25 (log-odds ln 3), the rest impossible.
        float[] row = new float[VOCAB];
        java.util.Arrays.fill(row, -1e9f);
        row[10] = (float) Math.log(3);
        row[20] = 0;
        SamplingState state = new SamplingState(new SamplingParams(1.0, 0, 1, 1, 0, 0, 42L), null, new int[] {1});
        Map<Integer, Integer> counts = new HashMap<>();

        for (int i = 0; i < 2000; i++) {
            counts.merge(sampler.sample(logits(row), List.of(state), manager)[0], 1, Integer::sum);
        }

        assertThat(counts.keySet()).containsExactlyInAnyOrder(10, 20);
        assertThat(counts.get(10) / 2000.0).isBetween(0.71, 0.79);
    }

    @Test
    void presencePenaltyMovesAwayFromSeenTokens() {
        float[] row = ramp(); // token 69 is the greedy choice
        SamplingState state = new SamplingState(new SamplingParams(0, 0, 1, 1, 0, 100, null), null, new int[] {1});
        List<Integer> picked = new ArrayList<>();

        for (int i = 0; i < 3; i++) {
            int token = sampler.sample(logits(row), List.of(state), manager)[0];
            state.recordGenerated(token);
            picked.add(token);
        }

        assertThat(picked).containsExactly(69, 68, 67);
    }

    @Test
    void repetitionPenaltyAppliesToPromptTokensAndDividesPositiveLogits() {
        float[] row = ramp(); // logit of token t is t / 10
        SamplingState penalised =
                new SamplingState(new SamplingParams(0, 0, 1, 2.0, 0, 0, null), null, new int[] {69, 68});

        // 69 -> 3.45, 68 -> 3.4, 67 stays 6.7: the best unseen token wins.
        assertThat(sampler.sample(logits(row), List.of(penalised), manager)).containsExactly(67);
    }

    private static float[] ramp() {
        float[] row = new float[VOCAB];
        for (int t = 0; t < VOCAB; t++) {
            row[t] = t / 10f;
        }
        return row;
    }

    private NDArray logits(float[]... rows) {
        float[] flat = new float[rows.length * VOCAB];
        for (int b = 0; b < rows.length; b++) {
            System.arraycopy(rows[b], 0, flat, b * VOCAB, VOCAB);
        }
        return manager.create(flat, new Shape(rows.length, VOCAB));
    }
}
