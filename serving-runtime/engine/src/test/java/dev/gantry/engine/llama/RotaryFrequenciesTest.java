package dev.gantry.engine.llama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gantry.engine.model.ModelConfig;
import org.junit.jupiter.api.Test;

class RotaryFrequenciesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ModelConfig config(String ropeScaling) throws Exception {
        ObjectNode node = (ObjectNode) JSON.readTree("""
                {"model_type":"llama","hidden_size":2048,"intermediate_size":64,"num_hidden_layers":1,
                 "num_attention_heads":16,"vocab_size":32,"max_position_embeddings":8192,"rope_theta":500000.0}""");
        if (ropeScaling != null) {
            node.set("rope_scaling", JSON.readTree(ropeScaling));
        }
        return ModelConfig.parse(node);
    }

    @Test
    void plainFrequenciesFollowTheRopeFormula() throws Exception {
        double[] inv = RotaryFrequencies.inverseFrequencies(config(null), 8192);

        assertThat(inv).hasSize(64);
        assertThat(inv[0]).isEqualTo(1.0);
        assertThat(inv[32]).isCloseTo(1.0 / Math.pow(500000.0, 64.0 / 128), within(1e-15));
    }

    @Test
    void linearScalingDividesEveryFrequency() throws Exception {
        double[] plain = RotaryFrequencies.inverseFrequencies(config(null), 8192);
        double[] linear = RotaryFrequencies.inverseFrequencies(config("{\"type\":\"linear\",\"factor\":4.0}"), 8192);

        for (int i = 0; i < plain.length; i++) {
            assertThat(linear[i]).isCloseTo(plain[i] / 4, within(1e-15));
        }
    }

    @Test
    void llama3ScalingKeepsHighFrequenciesAndStretchesLowOnes() throws Exception {
        String llama3 = "{\"rope_type\":\"llama3\",\"factor\":8.0,\"low_freq_factor\":1.0,\"high_freq_factor\":4.0,"
                + "\"original_max_position_embeddings\":8192}";
        double[] plain = RotaryFrequencies.inverseFrequencies(config(null), 131072);
        double[] scaled = RotaryFrequencies.inverseFrequencies(config(llama3), 131072);

        // Wavelength below 8192/4 = 2048 positions: unchanged; above 8192: divided by the factor.
        assertThat(scaled[0]).isEqualTo(plain[0]);
        assertThat(scaled[63]).isCloseTo(plain[63] / 8, within(1e-18));
        for (int i = 0; i < plain.length; i++) {
            assertThat(scaled[i]).isBetween(plain[i] / 8 - 1e-18, plain[i] + 1e-18);
        }
    }

    @Test
    void dynamicScalingOnlyChangesFrequenciesBeyondTheTrainedLength() throws Exception {
        ModelConfig dynamic = config("{\"type\":\"dynamic\",\"factor\":2.0}");

        assertThat(RotaryFrequencies.inverseFrequencies(dynamic, 8192))
                .containsExactly(RotaryFrequencies.inverseFrequencies(config(null), 8192));
        assertThat(RotaryFrequencies.inverseFrequencies(dynamic, 16384)[63])
                .isLessThan(RotaryFrequencies.inverseFrequencies(config(null), 8192)[63]);
    }

    @Test
    void rotateHalfMatrixNegatesAndSwapsHalves() {
        float[] r = RotaryFrequencies.rotateHalfMatrix(4);
        float[] x = {1, 2, 3, 4};
        float[] out = new float[4];
        for (int j = 0; j < 4; j++) {
            for (int i = 0; i < 4; i++) {
                out[j] += x[i] * r[i * 4 + j];
            }
        }

        assertThat(out).containsExactly(-3, -4, 1, 2);
    }
}
