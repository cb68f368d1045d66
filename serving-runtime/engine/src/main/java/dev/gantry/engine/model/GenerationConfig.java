package dev.gantry.engine.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;

/**
 * Defaults from {@code generation_config.json}. Only the end-of-sequence ids change what the engine
 * does; the sampling defaults are informational because the server's configuration decides them.
 */
public record GenerationConfig(Integer bosTokenId, List<Integer> eosTokenIds, Integer maxLength) {

    public static GenerationConfig read(Path modelDir) {
        JsonNode json = JsonFiles.readOptional(modelDir.resolve("generation_config.json"));
        return new GenerationConfig(
                json.hasNonNull("bos_token_id") ? json.get("bos_token_id").asInt() : null,
                JsonFiles.intOrList(json.get("eos_token_id")),
                json.hasNonNull("max_length") ? json.get("max_length").asInt() : null);
    }
}
