package dev.gantry.engine.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the small JSON files of a model directory and turns parse failures into clear errors. */
final class JsonFiles {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonFiles() {}

    static JsonNode read(Path file) {
        try {
            return MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new ModelLoadException(file.getFileName() + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    static JsonNode readOptional(Path file) {
        return Files.isRegularFile(file) ? read(file) : MAPPER.createObjectNode();
    }

    /** Token ids given as a number or a list of numbers, as {@code eos_token_id} may be. */
    static List<Integer> intOrList(JsonNode node) {
        List<Integer> ids = new ArrayList<>();
        if (node == null || node.isNull() || node.isMissingNode()) {
            return ids;
        }
        if (node.isArray()) {
            node.forEach(n -> ids.add(n.asInt()));
        } else {
            ids.add(node.asInt());
        }
        return ids;
    }

    /** A special token written either as a string or as an added-token object with {@code content}. */
    static String tokenText(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        return node.isTextual() ? node.asText() : node.path("content").asText(null);
    }
}
