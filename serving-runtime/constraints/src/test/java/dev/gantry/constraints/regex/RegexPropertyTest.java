package dev.gantry.constraints.regex;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.constraints.CompiledConstraint;
import dev.gantry.constraints.Constraint;
import dev.gantry.constraints.ConstraintCompiler;
import dev.gantry.constraints.ConstraintMetrics;
import dev.gantry.constraints.ConstraintOptions;
import dev.gantry.constraints.Vocabulary;
import dev.gantry.constraints.support.Mutations;
import dev.gantry.constraints.support.RandomSampler;
import dev.gantry.constraints.support.TestVocabularies;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Property test for regex constraints with java.util.regex as the oracle: random token-by-token
 * outputs must match the pattern, and random edits of them must be accepted exactly when
 * java.util.regex fully matches them.
 */
public class RegexPropertyTest {
    public static final List<String> PATTERNS = List.of(
            "(yes|no|maybe)",
            "[A-Z][a-z]{2,8}( [A-Z][a-z]{2,8}){0,2}",
            "\\d{3}-\\d{3}-\\d{4}",
            "\\(\\d{3}\\) \\d{3}-\\d{4}|\\+1 \\d{10}",
            "[a-z0-9._%+-]{1,20}@[a-z0-9-]{1,10}\\.(com|org|net)",
            "(0|[1-9]\\d*)(\\.\\d{1,2})? (USD|EUR)",
            "#[0-9a-fA-F]{6}",
            "\\w+(\\s\\w+){0,3}\\.",
            "[^,\\n]{1,12}(,[^,\\n]{1,12}){2}",
            "(ab|a)*b+c?",
            "x{0,3}y{2}z*",
            "^(red|green|blue)$",
            "\\p{Lu}\\p{Ll}+",
            "[àéîõü]{1,4}[ñç]",
            "(日本|中国|韓国)語?",
            "[\\u0400-\\u04FF]{2,6}",
            ".{1,10}",
            "(?:[01]?\\d|2[0-3]):[0-5]\\d",
            "[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?",
            "(true|false|null)",
            "\\[(\\d+(,\\d+)*)?\\]",
            "[a-z]+(-[a-z]+)*",
            "\\S{1,8}\\s\\S{1,8}",
            "(a|b|c)(d|e|f)(g|h|i)",
            "[^aeiou]{3,5}",
            "Q[^u].*",
            "([A-Z]{2}\\d{2}){1,3}",
            "\\$\\{[a-zA-Z_][a-zA-Z0-9_]*\\}",
            "[\\x20-\\x7E]{5}",
            "(?<year>\\d{4})-(?<month>0[1-9]|1[0-2])");

    @TestFactory
    Stream<DynamicTest> sampledOutputsMatchJavaRegex() {
        return PATTERNS.stream()
                .flatMap(p -> Stream.of(
                        DynamicTest.dynamicTest(p + " gpt2", () -> check(TestVocabularies.gpt2(), p)),
                        DynamicTest.dynamicTest(p + " stories", () -> check(TestVocabularies.stories260k(), p))));
    }

    private void check(Vocabulary vocab, String regex) {
        CompiledConstraint c = ConstraintCompiler.compileUncached(
                Constraint.regex(regex), vocab, ConstraintOptions.DEFAULTS, ConstraintMetrics.NONE);
        Pattern oracle = Pattern.compile(regex);
        RandomSampler sampler = new RandomSampler(vocab, regex.hashCode());
        Random random = new Random(regex.length());
        List<String> outputs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            RandomSampler.Sample s = sampler.sample(c, 60);
            if (s.complete()) {
                outputs.add(s.text());
                assertThat(oracle.matcher(s.text()).matches())
                        .as("java.util.regex matches %s", s.text())
                        .isTrue();
            }
        }
        assertThat(outputs).as("samples finish").hasSizeGreaterThanOrEqualTo(5);
        for (String out : outputs) {
            for (int k = 0; k < 30; k++) {
                String edited = Mutations.mutate(out, random);
                assertThat(c.matches(edited))
                        .as("agrees with java.util.regex on '%s'", edited)
                        .isEqualTo(oracle.matcher(edited).matches());
            }
        }
    }
}
