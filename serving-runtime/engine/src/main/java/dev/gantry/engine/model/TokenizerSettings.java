package dev.gantry.engine.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;

/**
 * What {@code tokenizer_config.json} says about special tokens and chat formatting. The chat template
 * may be a string or a list of named templates; the one named {@code default} (or the first) is used.
 */
public record TokenizerSettings(
        String bosToken, String eosToken, String unkToken, String padToken, boolean addBosToken, String chatTemplate) {

    public static TokenizerSettings read(Path tokenizerDir) {
        JsonNode json = JsonFiles.readOptional(tokenizerDir.resolve("tokenizer_config.json"));
        return new TokenizerSettings(
                JsonFiles.tokenText(json.get("bos_token")),
                JsonFiles.tokenText(json.get("eos_token")),
                JsonFiles.tokenText(json.get("unk_token")),
                JsonFiles.tokenText(json.get("pad_token")),
                json.path("add_bos_token").asBoolean(true),
                chatTemplate(json.get("chat_template")));
    }

    private static String chatTemplate(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return node.asText();
        }
        if (node.isArray() && !node.isEmpty()) {
            for (JsonNode entry : node) {
                if ("default".equals(entry.path("name").asText())) {
                    return entry.path("template").asText(null);
                }
            }
            return node.get(0).path("template").asText(null);
        }
        return null;
    }
}
