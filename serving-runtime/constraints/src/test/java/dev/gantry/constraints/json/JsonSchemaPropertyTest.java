package dev.gantry.constraints.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.gantry.constraints.CompiledConstraint;
import dev.gantry.constraints.Constraint;
import dev.gantry.constraints.ConstraintCompiler;
import dev.gantry.constraints.ConstraintMetrics;
import dev.gantry.constraints.ConstraintOptions;
import dev.gantry.constraints.Vocabulary;
import dev.gantry.constraints.support.RandomSampler;
import dev.gantry.constraints.support.SchemaCorpus;
import dev.gantry.constraints.support.TestVocabularies;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Property test with an independent oracle: random token-by-token outputs of every realistic schema,
 * under a real vocabulary, must each parse as JSON and validate with the networknt JSON Schema
 * validator (formats asserted). Also checks that most samples finish.
 */
class JsonSchemaPropertyTest {
    /**
     * Keys matched by additionalProperties or patternProperties may repeat (a grammar cannot keep them
     * distinct; docs/constraints.md); like validators, the oracle parse keeps the last value.
     */
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    private static final int SAMPLES = 6;
    /** A generous compile limit: the machine is shared and the first compiles warm the JIT. */
    private static final ConstraintOptions OPTIONS = ConstraintOptions.builder()
            .compileTimeout(java.time.Duration.ofSeconds(60))
            .build();

    @TestFactory
    Stream<DynamicTest> sampledOutputsValidateWithGpt2Vocabulary() {
        return tests(TestVocabularies.gpt2(), 11);
    }

    @TestFactory
    Stream<DynamicTest> sampledOutputsValidateWithByteFallbackVocabulary() {
        return tests(TestVocabularies.stories260k(), 12);
    }

    private Stream<DynamicTest> tests(Vocabulary vocab, long seed) {
        return SchemaCorpus.realistic().stream()
                .map(s -> DynamicTest.dynamicTest(s.name(), () -> check(vocab, s, seed)));
    }

    private void check(Vocabulary vocab, SchemaCorpus.Named named, long seed) throws Exception {
        CompiledConstraint c = ConstraintCompiler.compileUncached(
                Constraint.jsonSchema(named.schema()), vocab, OPTIONS, ConstraintMetrics.NONE);
        JsonSchema oracle = FACTORY.getSchema(named.schema(), CONFIG);
        RandomSampler sampler = new RandomSampler(vocab, seed ^ named.name().hashCode());
        List<String> complete = new ArrayList<>();
        for (int i = 0; i < SAMPLES; i++) {
            RandomSampler.Sample s = sampler.sample(c, 240);
            if (s.complete()) {
                complete.add(s.text());
                assertThat(c.matches(s.bytes()))
                        .as("matches() agrees with the matcher: %s", s.text())
                        .isTrue();
            }
        }
        assertThat(complete).as("most samples finish").hasSizeGreaterThanOrEqualTo(SAMPLES / 2);
        for (String text : complete) {
            JsonNode value = JSON.readTree(text);
            List<String> errors = new ArrayList<>();
            for (ValidationMessage m : oracle.validate(value)) {
                if (!OracleCorrections.isKnownOracleError(m, value)) {
                    errors.add(m.getMessage());
                }
            }
            assertThat(errors).as("%s: %s", named.name(), text).isEmpty();
        }
    }
}
