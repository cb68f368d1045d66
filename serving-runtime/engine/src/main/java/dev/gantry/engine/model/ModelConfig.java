package dev.gantry.engine.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The architecture of a Llama-family model, read from {@code config.json}. Differences between the
 * families (qwen2 always has q/k/v biases, mistral may use a sliding window) are resolved here so that
 * the forward pass only sees flags.
 */
public record ModelConfig(
        String modelType,
        int hiddenSize,
        int intermediateSize,
        int numLayers,
        int numHeads,
        int numKeyValueHeads,
        int headDim,
        int vocabSize,
        int maxPositionEmbeddings,
        double rmsNormEps,
        double ropeTheta,
        RopeScaling ropeScaling,
        boolean tieWordEmbeddings,
        boolean qkvBias,
        boolean outputBias,
        boolean mlpBias,
        int slidingWindow,
        Integer bosTokenId,
        List<Integer> eosTokenIds,
        String torchDtype) {

    public static final Set<String> SUPPORTED_TYPES = Set.of("llama", "mistral", "qwen2");

    public static ModelConfig read(Path modelDir) {
        Path file = modelDir.resolve("config.json");
        if (!Files.isRegularFile(file)) {
            throw new ModelLoadException("model directory " + modelDir + " has no config.json");
        }
        return parse(JsonFiles.read(file));
    }

    public static ModelConfig parse(JsonNode json) {
        String type = json.path("model_type").asText("").toLowerCase(Locale.ROOT);
        if (!SUPPORTED_TYPES.contains(type)) {
            throw new ModelLoadException("config.json: model_type '" + type + "' is not supported (supported: "
                    + String.join(", ", SUPPORTED_TYPES.stream().sorted().toList()) + ")");
        }
        String act = json.path("hidden_act").asText("silu");
        if (!act.equals("silu") && !act.equals("swish")) {
            throw new ModelLoadException("config.json: hidden_act '" + act + "' is not supported (only silu)");
        }
        int hidden = required(json, "hidden_size");
        int heads = required(json, "num_attention_heads");
        int kvHeads = json.path("num_key_value_heads").asInt(heads);
        int headDim = json.hasNonNull("head_dim") ? json.get("head_dim").asInt() : hidden / heads;
        if (heads % kvHeads != 0) {
            throw new ModelLoadException("config.json: num_attention_heads (" + heads
                    + ") is not a multiple of num_key_value_heads (" + kvHeads + ")");
        }
        if (headDim % 2 != 0) {
            throw new ModelLoadException("config.json: head_dim must be even for rotary embeddings, got " + headDim);
        }
        int maxPositions = json.path("max_position_embeddings").asInt(2048);
        boolean attentionBias = json.path("attention_bias").asBoolean(false);
        boolean qwen2 = type.equals("qwen2");
        int window = slidingWindow(json, type);
        return new ModelConfig(
                type,
                hidden,
                required(json, "intermediate_size"),
                required(json, "num_hidden_layers"),
                heads,
                kvHeads,
                headDim,
                required(json, "vocab_size"),
                maxPositions,
                json.path("rms_norm_eps").asDouble(1e-6),
                json.path("rope_theta").asDouble(10000.0),
                RopeScaling.parse(json.get("rope_scaling"), maxPositions),
                json.path("tie_word_embeddings").asBoolean(false),
                qwen2 || attentionBias,
                !qwen2 && attentionBias,
                json.path("mlp_bias").asBoolean(false),
                window,
                json.hasNonNull("bos_token_id") ? json.get("bos_token_id").asInt() : null,
                JsonFiles.intOrList(json.get("eos_token_id")),
                json.path("torch_dtype").asText("float32"));
    }

    /** Width of the attention window, or 0 when every earlier token is visible. */
    private static int slidingWindow(JsonNode json, String type) {
        JsonNode window = json.get("sliding_window");
        if (window == null || window.isNull()) {
            return 0;
        }
        if (type.equals("qwen2") && !json.path("use_sliding_window").asBoolean(false)) {
            return 0;
        }
        return window.asInt(0);
    }

    private static int required(JsonNode json, String field) {
        JsonNode node = json.get(field);
        if (node == null || !node.canConvertToInt() || node.asInt() <= 0) {
            throw new ModelLoadException("config.json: " + field + " is missing or not a positive integer");
        }
        return node.asInt();
    }

    public int groupSize() {
        return numHeads / numKeyValueHeads;
    }
}
