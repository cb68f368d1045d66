package dev.gantry.constraints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.gantry.constraints.support.TestVocabularies;
import org.junit.jupiter.api.Test;

/** Bad or unsupported constraints get a clear error: the reason, and for schemas the keyword and pointer. */
class ConstraintErrorsTest {
    private static ConstraintException error(Constraint c, ConstraintOptions options) {
        return catchThrowableOfType(
                ConstraintException.class,
                () -> ConstraintCompiler.compileUncached(
                        c, TestVocabularies.stories260k(), options, ConstraintMetrics.NONE));
    }

    private static ConstraintException error(Constraint c) {
        return error(c, ConstraintOptions.DEFAULTS);
    }

    @Test
    void namesAnUnknownKeywordAndWhereItIs() {
        ConstraintException e =
                error(Constraint.jsonSchema("{\"properties\":{\"a\":{\"type\":\"string\",\"frobnicate\":1}}}"));

        assertThat(e.reason()).isEqualTo(ConstraintException.Reason.UNSUPPORTED);
        assertThat(e.keyword()).isEqualTo("frobnicate");
        assertThat(e.pointer()).isEqualTo("/properties/a/frobnicate");
        assertThat(e.getMessage()).contains("unknown keyword 'frobnicate'").contains("/properties/a/frobnicate");
    }

    @Test
    void refusesUniqueItemsUnlessExplicitlyRelaxed() {
        String schema = "{\"type\":\"array\",\"items\":{\"type\":\"integer\"},\"uniqueItems\":true}";

        ConstraintException e = error(Constraint.jsonSchema(schema));
        CompiledConstraint relaxed = ConstraintCompiler.compileUncached(
                Constraint.jsonSchema(schema),
                TestVocabularies.stories260k(),
                ConstraintOptions.builder().ignoreUniqueItems(true).build(),
                ConstraintMetrics.NONE);

        assertThat(e.keyword()).isEqualTo("uniqueItems");
        assertThat(e.pointer()).isEqualTo("/uniqueItems");
        assertThat(relaxed.matches("[1,1]")).isTrue();
    }

    @Test
    void refusesOverlappingOneOfUnlessExplicitlyRelaxed() {
        String schema =
                "{\"oneOf\":[{\"type\":\"object\",\"required\":[\"a\"]},{\"type\":\"object\",\"required\":[\"b\"]}]}";

        ConstraintException e = error(Constraint.jsonSchema(schema));
        CompiledConstraint relaxed = ConstraintCompiler.compileUncached(
                Constraint.jsonSchema(schema),
                TestVocabularies.stories260k(),
                ConstraintOptions.builder().oneOfAsAnyOf(true).build(),
                ConstraintMetrics.NONE);

        assertThat(e.keyword()).isEqualTo("oneOf");
        assertThat(e.getMessage()).contains("branches 0 and 1");
        assertThat(relaxed.matches("{\"a\":1}")).isTrue();
    }

    @Test
    void acceptsOneOfWhoseBranchesAreProvablyDisjoint() {
        CompiledConstraint c = ConstraintCompiler.compileUncached(
                Constraint.jsonSchema(
                        "{\"oneOf\":[{\"type\":\"object\",\"properties\":{\"kind\":{\"const\":\"a\"}},\"required\":[\"kind\"]},"
                                + "{\"type\":\"object\",\"properties\":{\"kind\":{\"const\":\"b\"}},\"required\":[\"kind\"]},{\"type\":\"integer\"}]}"),
                TestVocabularies.stories260k(),
                ConstraintOptions.DEFAULTS,
                ConstraintMetrics.NONE);

        assertThat(c.matches("{\"kind\":\"b\"}")).isTrue();
        assertThat(c.matches("{\"kind\":\"c\"}")).isFalse();
        assertThat(c.matches("7")).isTrue();
    }

    @Test
    void refusesUnknownFormatsUnlessExplicitlyRelaxed() {
        ConstraintException e = error(Constraint.jsonSchema("{\"type\":\"string\",\"format\":\"idn-hostname\"}"));

        assertThat(e.keyword()).isEqualTo("format");
        assertThat(e.getMessage()).contains("idn-hostname").contains("ignoreUnknownFormats");
    }

    @Test
    void refusesRemoteReferences() {
        ConstraintException e = error(Constraint.jsonSchema("{\"$ref\":\"https://example.com/s.json\"}"));

        assertThat(e.reason()).isEqualTo(ConstraintException.Reason.UNSUPPORTED);
        assertThat(e.keyword()).isEqualTo("$ref");
    }

    @Test
    void saysWhenASchemaAcceptsNothing() {
        ConstraintException e = error(Constraint.jsonSchema("{\"type\":\"integer\",\"minimum\":5,\"maximum\":3}"));

        assertThat(e.reason()).isEqualTo(ConstraintException.Reason.EMPTY_LANGUAGE);
    }

    @Test
    void reportsMalformedSchemaJson() {
        ConstraintException e =
                catchThrowableOfType(ConstraintException.class, () -> Constraint.jsonSchema("{\"type\":"));

        assertThat(e.reason()).isEqualTo(ConstraintException.Reason.INVALID);
    }

    @Test
    void refusesInvalidKeywordValues() {
        ConstraintException e = error(Constraint.jsonSchema("{\"type\":\"string\",\"minLength\":-1}"));

        assertThat(e.reason()).isEqualTo(ConstraintException.Reason.INVALID);
        assertThat(e.pointer()).isEqualTo("/minLength");
    }

    @Test
    void refusesRegexBackReferencesAndLookAround() {
        assertThat(error(Constraint.regex("(a)\\1")).getMessage()).contains("back-references");
        assertThat(error(Constraint.regex("a(?=b)")).getMessage()).contains("look-around");
        assertThat(error(Constraint.regex("a^b")).getMessage()).contains("anchors");
        assertThat(error(Constraint.regex("a{3,2}")).reason()).isEqualTo(ConstraintException.Reason.INVALID);
    }

    @Test
    void refusesLeftRecursiveGrammarsAndNamesTheCycle() {
        ConstraintException e =
                error(Constraint.grammar("root ::= list\nlist ::= list \",\" item | item\nitem ::= [a-z]+\n"));

        assertThat(e.reason()).isEqualTo(ConstraintException.Reason.UNSUPPORTED);
        assertThat(e.getMessage()).contains("left recursion").contains("list -> list");
    }

    @Test
    void pointsAtGrammarSyntaxErrors() {
        assertThat(error(Constraint.grammar("root ::= \"a\" (b\nb ::= \"x\"\n")).getMessage())
                .contains("line 2")
                .contains("expected ')'");
        assertThat(error(Constraint.grammar("root ::= missing\n")).getMessage()).contains("undefined rule 'missing'");
    }
}
