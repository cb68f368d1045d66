package dev.gantry.constraints.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gantry.constraints.CompiledConstraint;
import dev.gantry.constraints.Constraint;
import dev.gantry.constraints.ConstraintCompiler;
import dev.gantry.constraints.ConstraintException;
import dev.gantry.constraints.ConstraintMetrics;
import dev.gantry.constraints.ConstraintOptions;
import dev.gantry.constraints.Vocabulary;
import dev.gantry.constraints.support.DocBlock;
import dev.gantry.constraints.support.GeneratorFormat;
import dev.gantry.constraints.support.TestVocabularies;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs the official JSON Schema Test Suite (draft 2020-12, with the optional format tests): every
 * case whose schema compiles must be accepted exactly when it is valid, the instance written in the
 * generator's own JSON format. Refused schemas are counted, never run. The per-file counts are the
 * conformance table in docs/constraints.md, which this test keeps in sync.
 */
class JsonSchemaSuiteTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SUITE = TestVocabularies.resourceDir("json-schema-test-suite/draft2020-12");

    /**
     * Cases that knowingly differ (matched by prefix of "file / group / test"), each with the reason
     * that docs/constraints.md gives.
     */
    static final Map<String, String> KNOWN_DEVIATIONS = Map.of(
            "format / ",
            "format is asserted (the issue asks for it); format.json tests the annotation-only default",
            "optional/format/date-time / validation of date-time strings / a second fraction of fifteen nines",
            "second fractions are limited to 9 digits (nanoseconds), as java.time and common validators parse them",
            "optional/format/date-time / validation of date-time strings / a valid date-time with a leap second, with minus offset",
            "leap seconds in a date-time are generated in UTC only (and only on the 27 real leap-second dates)",
            "optional/format/hostname / validation of A-label (punycode) host names / ",
            "A-labels (xn--) are never generated: checking Punycode and IDNA rules is not a regular language");

    static String deviation(String id) {
        return KNOWN_DEVIATIONS.keySet().stream()
                .filter(id::startsWith)
                .findFirst()
                .orElse(null);
    }

    record Counts(int groups, int groupsRun, int tests, int run, int passed, int deviations) {}

    @Test
    void everySupportedCaseIsDecidedExactly() throws IOException {
        Vocabulary vocab = TestVocabularies.stories260k();
        Map<String, int[]> table = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        List<String> deviations = new ArrayList<>();
        for (Path file : suiteFiles()) {
            String name = SUITE.relativize(file).toString().replace(".json", "");
            int[] c = table.computeIfAbsent(name, k -> new int[6]);
            for (JsonNode group : JSON.readTree(file.toFile())) {
                c[0]++;
                c[2] += group.get("tests").size();
                runGroup(vocab, name, group, c, failures, deviations);
            }
        }
        assertThat(failures).isEmpty();
        assertThat(deviations.stream()
                        .map(JsonSchemaSuiteTest::deviation)
                        .distinct()
                        .toList())
                .as("every listed deviation still happens")
                .containsExactlyInAnyOrderElementsOf(KNOWN_DEVIATIONS.keySet());
        DocBlock.check("conformance", markdown(table));
    }

    /** The conformance table of docs/constraints.md. */
    static String markdown(Map<String, int[]> table) {
        StringBuilder sb = new StringBuilder();
        sb.append(
                "| Test file (keyword) | Schemas compiled | Cases | Cases run | Passed | Known deviations | Not run (schema refused) |\n");
        sb.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        int[] total = new int[6];
        table.forEach((file, c) -> {
            sb.append(String.format(
                    "| `%s` | %d/%d | %d | %d | %d | %d | %d |%n",
                    file, c[1], c[0], c[2], c[3], c[4], c[5], c[2] - c[3]));
            for (int i = 0; i < 6; i++) {
                total[i] += c[i];
            }
        });
        sb.append(String.format(
                "| **total** | %d/%d | %d | %d | %d | %d | %d |%n",
                total[1], total[0], total[2], total[3], total[4], total[5], total[2] - total[3]));
        return sb.toString();
    }

    private void runGroup(
            Vocabulary vocab, String file, JsonNode group, int[] c, List<String> failures, List<String> deviations) {
        JsonNode schema = group.get("schema");
        String where = file + " / " + group.get("description").asText();
        CompiledConstraint compiled = null;
        boolean empty = false;
        try {
            compiled = ConstraintCompiler.compileUncached(
                    Constraint.jsonSchema(schema), vocab, ConstraintOptions.DEFAULTS, ConstraintMetrics.NONE);
        } catch (ConstraintException e) {
            switch (e.reason()) {
                case UNSUPPORTED, LIMIT_EXCEEDED -> {
                    if (System.getProperty("suite.verbose") != null) {
                        System.out.println("SKIP " + where + ": " + e.getMessage());
                    }
                    return;
                }
                case EMPTY_LANGUAGE -> empty = true;
                default -> {
                    failures.add(where + ": refused a valid schema: " + e.getMessage());
                    return;
                }
            }
        }
        c[1]++;
        GeneratorFormat format = new GeneratorFormat(schema);
        for (JsonNode test : group.get("tests")) {
            c[3]++;
            boolean valid = test.get("valid").asBoolean();
            String text = format.write(test.get("data"));
            boolean accepted = !empty && compiled.matches(text);
            String id = where + " / " + test.get("description").asText();
            if (accepted == valid) {
                c[4]++;
            } else if (deviation(id) != null && valid) {
                c[5]++;
                deviations.add(id);
            } else {
                failures.add(id + ": " + (valid ? "rejected valid " : "accepted invalid ") + text);
            }
        }
    }

    private static List<Path> suiteFiles() throws IOException {
        try (Stream<Path> s = Files.walk(SUITE)) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }
}
