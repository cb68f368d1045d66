package dev.gantry.constraints.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The realistic API-style schemas (src/test/resources/schemas/realistic.json). */
public final class SchemaCorpus {
    public record Named(String name, JsonNode schema) {}

    private SchemaCorpus() {}

    public static List<Named> realistic() {
        try (InputStream in = SchemaCorpus.class.getClassLoader().getResourceAsStream("schemas/realistic.json")) {
            List<Named> out = new ArrayList<>();
            for (JsonNode n : new ObjectMapper().readTree(in)) {
                out.add(new Named(n.get("name").asText(), n.get("schema")));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
