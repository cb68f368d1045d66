package dev.gantry.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import dev.gantry.engine.model.SafetensorsFile;
import dev.gantry.engine.model.SafetensorsWriter;
import dev.gantry.engine.sampling.SamplingParams;
import dev.gantry.engine.scheduler.GenerationRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reduced precision: the float16 path GPUs take (weights, activations and KV cache in float16; norms,
 * softmax and logits in float32), run here on the CPU, and bfloat16 weights, widened while loading.
 */
class HalfPrecisionTest {
    @TempDir
    Path dir;

    private static int[] greedy(EngineOptions options, int tokens) {
        try (InferenceEngine engine = InferenceEngine.load(options)) {
            int[] prompt = engine.tokenizer().encode("Zoo", true);
            return engine.generate(GenerationRequest.of(prompt, SamplingParams.GREEDY, tokens)).tokens().stream()
                    .mapToInt(Integer::intValue)
                    .toArray();
        }
    }

    @Test
    void float16FollowsTheFloat32ReferenceForItsFirstTokens() {
        EngineOptions options =
                TestModels.cpuOptions(TestModels.stories260K(), 2, 2).withDevice("cpu", "float16");

        assertThat(greedy(options, 12)).containsExactly(Arrays.copyOfRange(TestModels.ZOO_REFERENCE, 4, 16));
    }

    @Test
    void bfloat16AsAComputeTypeIsRefusedWithTheReason() {
        EngineOptions options =
                TestModels.cpuOptions(TestModels.stories260K(), 2, 2).withDevice("cpu", "bfloat16");

        assertThatThrownBy(() -> InferenceEngine.load(options)).hasMessageContaining("bfloat16 is not available");
    }

    @Test
    void bfloat16WeightsAreWidenedExactlyAndServe() throws Exception {
        SafetensorsFile original = SafetensorsFile.open(TestModels.stories260K().resolve("model.safetensors"));
        SafetensorsWriter writer = new SafetensorsWriter().bfloat16();
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            for (String name : original.tensors().keySet()) {
                NDArray array = original.load(name, manager);
                writer.put(name, array.getShape().getShape(), array.toFloatArray());
            }
        }
        for (String file :
                List.of("config.json", "tokenizer.json", "tokenizer_config.json", "generation_config.json")) {
            Files.copy(TestModels.stories260K().resolve(file), dir.resolve(file));
        }
        writer.write(dir.resolve("model.safetensors"));
        Path exact = dir.resolve("exact.safetensors");
        new SafetensorsWriter()
                .bfloat16()
                .put("t", new long[] {4}, new float[] {1.5f, -2.25f, 3.0f, 0.0078125f})
                .write(exact);

        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            NDArray widened = SafetensorsFile.open(exact).load("t", manager);
            assertThat(widened.getDataType()).isEqualTo(DataType.FLOAT32);
            assertThat(widened.toFloatArray()).containsExactly(1.5f, -2.25f, 3.0f, 0.0078125f);
        }
        int[] tokens = greedy(TestModels.cpuOptions(dir, 2, 2), 8);
        assertThat(tokens).hasSize(8);
        assertThat(Arrays.copyOf(tokens, 4)).containsExactly(Arrays.copyOfRange(TestModels.ZOO_REFERENCE, 4, 8));
    }
}
