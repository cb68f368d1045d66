package dev.gantry.constraints;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.constraints.support.TestVocabularies;
import org.junit.jupiter.api.Test;

/** The JSON layout options: whitespace policy and property order. */
class JsonLayoutTest {
    private static final String SCHEMA =
            "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"integer\"},\"b\":{\"type\":\"string\"}},\"required\":[\"a\",\"b\"],\"additionalProperties\":false}";

    private static CompiledConstraint compile(ConstraintOptions options) {
        return ConstraintCompiler.compileUncached(
                Constraint.jsonSchema(SCHEMA), TestVocabularies.stories260k(), options, ConstraintMetrics.NONE);
    }

    @Test
    void defaultAllowsPrettyPrintingInsideButNotAroundTheValue() {
        CompiledConstraint c = compile(ConstraintOptions.DEFAULTS);

        assertThat(c.matches("{\n  \"a\": 1,\n  \"b\": \"x\"\n}")).isTrue();
        assertThat(c.matches(" {\"a\":1,\"b\":\"x\"}")).isFalse();
        assertThat(c.matches("{\"a\":1,\"b\":\"x\"}\n")).isFalse();
        assertThat(c.matches("{\"a\"" + " ".repeat(21) + ":1,\"b\":\"x\"}"))
                .as("runs of at most 20")
                .isFalse();
    }

    @Test
    void compactWhitespaceAllowsNone() {
        CompiledConstraint c = compile(
                ConstraintOptions.builder().whitespace(Whitespace.compact()).build());

        assertThat(c.matches("{\"a\":1,\"b\":\"x\"}")).isTrue();
        assertThat(c.matches("{\"a\": 1,\"b\":\"x\"}")).isFalse();
    }

    @Test
    void declaredOrderIsTheDefault() {
        CompiledConstraint c = compile(ConstraintOptions.DEFAULTS);

        assertThat(c.matches("{\"b\":\"x\",\"a\":1}")).isFalse();
    }

    @Test
    void anyOrderAcceptsEveryPermutationButNoRepeats() {
        CompiledConstraint c = compile(
                ConstraintOptions.builder().propertyOrder(PropertyOrder.ANY).build());

        assertThat(c.matches("{\"b\":\"x\",\"a\":1}")).isTrue();
        assertThat(c.matches("{\"a\":1,\"b\":\"x\"}")).isTrue();
        assertThat(c.matches("{\"a\":1,\"a\":2,\"b\":\"x\"}")).isFalse();
        assertThat(c.matches("{\"b\":\"x\"}")).isFalse();
    }
}
