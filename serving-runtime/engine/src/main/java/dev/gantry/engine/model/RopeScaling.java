package dev.gantry.engine.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * The {@code rope_scaling} block of {@code config.json}: how rotary frequencies are stretched for longer
 * contexts. Supported: none, {@code linear}, {@code dynamic} (NTK-aware) and {@code llama3}.
 */
public record RopeScaling(
        Type type, double factor, double lowFreqFactor, double highFreqFactor, int originalMaxPositionEmbeddings) {

    /** The scaling methods the engine implements. */
    public enum Type {
        NONE,
        LINEAR,
        DYNAMIC,
        LLAMA3
    }

    public static final RopeScaling NONE = new RopeScaling(Type.NONE, 1.0, 1.0, 4.0, 0);

    static RopeScaling parse(JsonNode node, int maxPositionEmbeddings) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return NONE;
        }
        String name = node.path("rope_type").asText(node.path("type").asText("default"));
        double factor = node.path("factor").asDouble(1.0);
        int original = node.path("original_max_position_embeddings").asInt(maxPositionEmbeddings);
        Type type = switch (name.toLowerCase(Locale.ROOT)) {
            case "default" -> Type.NONE;
            case "linear" -> Type.LINEAR;
            case "dynamic" -> Type.DYNAMIC;
            case "llama3" -> Type.LLAMA3;
            default ->
                throw new ModelLoadException("config.json: rope_scaling type '" + name
                        + "' is not supported (supported: default, linear, dynamic, llama3)");
        };
        if (type != Type.NONE && !(factor >= 1.0)) {
            throw new ModelLoadException("config.json: rope_scaling.factor must be >= 1, got " + factor);
        }
        return new RopeScaling(
                type,
                factor,
                node.path("low_freq_factor").asDouble(1.0),
                node.path("high_freq_factor").asDouble(4.0),
                original);
    }
}
