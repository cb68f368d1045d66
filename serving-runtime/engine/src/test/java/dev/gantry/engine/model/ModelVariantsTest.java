package dev.gantry.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gantry.engine.InferenceEngine;
import dev.gantry.engine.TestModels;
import dev.gantry.engine.sampling.SamplingParams;
import dev.gantry.engine.scheduler.GenerationRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same real weights repackaged as other Llama-family layouts: sharded with an index, untied
 * output projection, qwen2 with q/k/v biases, mistral with a sliding window. Equivalent packagings must
 * reproduce the reference exactly; real differences must show.
 */
class ModelVariantsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, float[]> TENSORS = new LinkedHashMap<>();
    private static final Map<String, long[]> SHAPES = new LinkedHashMap<>();

    @TempDir
    Path dir;

    @BeforeAll
    static void readWeights() {
        SafetensorsFile file = SafetensorsFile.open(TestModels.stories260K().resolve("model.safetensors"));
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            for (String name : file.tensors().keySet()) {
                NDArray array = file.load(name, manager);
                TENSORS.put(name, array.toFloatArray());
                SHAPES.put(name, array.getShape().getShape());
            }
        }
    }

    @Test
    void shardedWeightsWithAnIndexAndAnUntiedOutputReproduceTheReference() throws Exception {
        Map<String, float[]> tensors = new LinkedHashMap<>(TENSORS);
        tensors.put("lm_head.weight", TENSORS.get("model.embed_tokens.weight").clone());
        copyModel(config -> config.put("tie_word_embeddings", false));
        writeShards(tensors, 3);

        assertThat(greedy(dir, reference().length)).containsExactly(reference());
    }

    @Test
    void qwen2WithZeroBiasesReproducesTheReferenceAndARealBiasChangesIt() throws Exception {
        copyModel(config -> config.put("model_type", "qwen2"));
        writeWithBiases(0f);
        assertThat(greedy(dir, reference().length)).containsExactly(reference());

        writeWithBiases(0.5f);
        assertThat(greedy(dir, reference().length)).isNotEqualTo(reference());
    }

    @Test
    void aMistralSlidingWindowOnlyChangesTokensBeyondTheWindow() throws Exception {
        copyModel(config -> {
            config.put("model_type", "mistral");
            config.put("sliding_window", 8);
        });
        new SafetensorsWriterFrom(TENSORS).write(dir.resolve("model.safetensors"));

        int[] tokens = greedy(dir, reference().length);

        // Prompt of 4 tokens: queries up to position 7 see every earlier key, as without a window.
        assertThat(Arrays.copyOf(tokens, 4)).containsExactly(Arrays.copyOf(reference(), 4));
        assertThat(tokens).isNotEqualTo(reference());
    }

    @Test
    void anUnsupportedArchitectureIsRefusedByName() throws Exception {
        copyModel(config -> config.put("model_type", "gpt2"));

        assertThatThrownBy(() -> InferenceEngine.load(TestModels.cpuOptions(dir, 1, 1)))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("model_type 'gpt2' is not supported");
    }

    @Test
    void aMissingTensorIsNamed() throws Exception {
        copyModel(config -> {});
        Map<String, float[]> tensors = new LinkedHashMap<>(TENSORS);
        tensors.remove("model.layers.3.mlp.up_proj.weight");
        new SafetensorsWriterFrom(tensors).write(dir.resolve("model.safetensors"));

        assertThatThrownBy(() -> InferenceEngine.load(TestModels.cpuOptions(dir, 1, 1)))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("model.layers.3.mlp.up_proj.weight");
    }

    @Test
    void aTruncatedWeightsFileIsReported() throws Exception {
        copyModel(config -> {});
        byte[] bytes = Files.readAllBytes(TestModels.stories260K().resolve("model.safetensors"));
        Files.write(dir.resolve("model.safetensors"), Arrays.copyOf(bytes, bytes.length / 2));

        assertThatThrownBy(() -> InferenceEngine.load(TestModels.cpuOptions(dir, 1, 1)))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("truncated file");
    }

    private static int[] reference() {
        return Arrays.copyOfRange(TestModels.ZOO_REFERENCE, 4, TestModels.ZOO_REFERENCE.length);
    }

    private static int[] greedy(Path modelDir, int tokens) {
        try (InferenceEngine engine = InferenceEngine.load(TestModels.cpuOptions(modelDir, 1, 1))) {
            int[] prompt = engine.tokenizer().encode("Zoo", true);
            return engine.generate(GenerationRequest.of(prompt, SamplingParams.GREEDY, tokens)).tokens().stream()
                    .mapToInt(Integer::intValue)
                    .toArray();
        }
    }

    private void copyModel(Consumer<ObjectNode> editConfig) throws IOException {
        Path source = TestModels.stories260K();
        for (String file : List.of("tokenizer.json", "tokenizer_config.json", "generation_config.json")) {
            Files.copy(source.resolve(file), dir.resolve(file), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        ObjectNode config =
                (ObjectNode) JSON.readTree(source.resolve("config.json").toFile());
        editConfig.accept(config);
        JSON.writeValue(dir.resolve("config.json").toFile(), config);
    }

    private void writeWithBiases(float value) throws IOException {
        Map<String, float[]> tensors = new LinkedHashMap<>(TENSORS);
        for (int layer = 0; layer < 5; layer++) {
            for (String projection : List.of("q_proj", "k_proj", "v_proj")) {
                int rows = (int) SHAPES.get("model.layers." + layer + ".self_attn." + projection + ".weight")[0];
                float[] bias = new float[rows];
                Arrays.fill(bias, value);
                tensors.put("model.layers." + layer + ".self_attn." + projection + ".bias", bias);
            }
        }
        new SafetensorsWriterFrom(tensors).write(dir.resolve("model.safetensors"));
    }

    private void writeShards(Map<String, float[]> tensors, int shards) throws IOException {
        List<String> names = List.copyOf(tensors.keySet());
        ObjectNode index = JSON.createObjectNode();
        ObjectNode weightMap = index.putObject("weight_map");
        for (int shard = 0; shard < shards; shard++) {
            String file = String.format("model-%05d-of-%05d.safetensors", shard + 1, shards);
            Map<String, float[]> part = new LinkedHashMap<>();
            for (int i = shard; i < names.size(); i += shards) {
                part.put(names.get(i), tensors.get(names.get(i)));
                weightMap.put(names.get(i), file);
            }
            new SafetensorsWriterFrom(part).write(dir.resolve(file));
        }
        JSON.writeValue(dir.resolve("model.safetensors.index.json").toFile(), index);
    }

    /** A writer filled with tensors whose shapes are known (biases are one-dimensional). */
    private static final class SafetensorsWriterFrom {
        private final SafetensorsWriter writer = new SafetensorsWriter();

        SafetensorsWriterFrom(Map<String, float[]> tensors) {
            tensors.forEach(
                    (name, values) -> writer.put(name, SHAPES.getOrDefault(name, shapeOf(name, values)), values));
        }

        private static long[] shapeOf(String name, float[] values) {
            return name.equals("lm_head.weight") ? SHAPES.get("model.embed_tokens.weight") : new long[] {values.length};
        }

        void write(Path file) throws IOException {
            writer.write(file);
        }
    }
}
