package dev.gantry.constraints.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gantry.constraints.support.SchemaCorpus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The benchmark's schemas: every schema of the JSON Schema Test Suite (draft 2020-12 and its format
 * tests) plus the realistic API-style schemas; the ones the compiler refuses are counted and skipped.
 */
final class BenchCorpus {
    private BenchCorpus() {}

    static List<SchemaCorpus.Named> all() throws IOException {
        List<SchemaCorpus.Named> out = new ArrayList<>(SchemaCorpus.realistic());
        ObjectMapper json = new ObjectMapper();
        Path suite = dev.gantry.constraints.support.TestVocabularies.resourceDir("json-schema-test-suite/draft2020-12");
        try (Stream<Path> files = Files.walk(suite)) {
            for (Path f :
                    files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                String file = suite.relativize(f).toString().replace(".json", "");
                try (InputStream in = Files.newInputStream(f)) {
                    for (JsonNode group : json.readTree(in)) {
                        out.add(new SchemaCorpus.Named(
                                "suite:" + file + "/" + group.get("description").asText(), group.get("schema")));
                    }
                }
            }
        }
        return out;
    }
}
