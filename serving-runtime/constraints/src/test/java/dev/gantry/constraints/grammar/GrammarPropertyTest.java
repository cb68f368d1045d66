package dev.gantry.constraints.grammar;

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
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Property test for GBNF grammars against an independent Earley recogniser: random token-by-token
 * outputs (real vocabularies) must be in the grammar, and for random edits of those outputs the
 * matcher and the oracle must agree on membership in both directions.
 */
public class GrammarPropertyTest {
    public static final Map<String, String> GRAMMARS = Map.of(
            "arithmetic",
            """
            root ::= expr
            expr ::= term (ws ("+" | "-") ws term)*
            term ::= factor (ws ("*" | "/") ws factor)*
            factor ::= number | "(" ws expr ws ")" | "-" factor
            number ::= [0-9]+ ("." [0-9]{1,3})?
            ws ::= " "?
            """,
            "json",
            """
            root   ::= object
            value  ::= object | array | string | number | ("true" | "false" | "null")
            object ::= "{" ws ( string ":" ws value ("," ws string ":" ws value)* )? "}"
            array  ::= "[" ws ( value ("," ws value)* )? "]"
            string ::= "\\"" ( [^"\\\\\\x7F\\x00-\\x1F] | "\\\\" (["\\\\/bfnrt] | "u" [0-9a-fA-F]{4}) )* "\\""
            number ::= ("-"? ([0-9] | [1-9] [0-9]{0,15})) ("." [0-9]+)? ([eE] [-+]? [0-9]+)?
            ws ::= | " " | "\\n" [ \\t]{0,20}
            """,
            "list",
            """
            root ::= "- " item ("\\n- " item){0,4}
            item ::= [A-Za-z][a-z ]{0,20} ("(" [0-9]+ ")")?
            """,
            "balanced",
            """
            root ::= pair+
            pair ::= "(" pair* ")" | "[" pair* "]"
            """,
            "csv",
            """
            root ::= header ("\\n" row){1,3}
            header ::= name ("," name){2}
            row ::= cell ("," cell){2}
            name ::= [a-z]+
            cell ::= [0-9]+ | "\\"" [^"\\n]* "\\""
            """,
            "chess",
            """
            root ::= move (" " move){0,5}
            move ::= piece? file? rank? "x"? file rank promo? check? | "O-O" | "O-O-O"
            piece ::= [KQRBN]
            file ::= [a-h]
            rank ::= [1-8]
            promo ::= "=" [QRBN]
            check ::= "+" | "#"
            """,
            "unicode",
            """
            root ::= greeting ", " name "!"
            greeting ::= "héllo" | "こんにちは" | "привет"
            name ::= [À-ÿ]+ | [а-я]+
            """,
            "nullable",
            """
            root ::= a b c "."
            a ::= "x"* | "y"
            b ::= c?
            c ::= ("z" | ) ("w" | )
            """);

    @TestFactory
    Stream<DynamicTest> sampledOutputsAreInTheGrammar() {
        return GRAMMARS.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .flatMap(e -> Stream.of(
                        DynamicTest.dynamicTest(
                                e.getKey() + " gpt2", () -> check(TestVocabularies.gpt2(), e.getValue())),
                        DynamicTest.dynamicTest(
                                e.getKey() + " stories", () -> check(TestVocabularies.stories260k(), e.getValue()))));
    }

    private void check(Vocabulary vocab, String gbnf) {
        CompiledConstraint c = ConstraintCompiler.compileUncached(
                Constraint.grammar(gbnf), vocab, ConstraintOptions.DEFAULTS, ConstraintMetrics.NONE);
        EarleyOracle oracle = new EarleyOracle(gbnf, "root");
        RandomSampler sampler = new RandomSampler(vocab, gbnf.hashCode());
        Random random = new Random(gbnf.length());
        List<String> outputs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            RandomSampler.Sample s = sampler.sample(c, 120);
            if (s.complete()) {
                outputs.add(s.text());
                assertThat(oracle.accepts(s.text()))
                        .as("oracle accepts sampled %s", s.text())
                        .isTrue();
            }
        }
        assertThat(outputs).as("samples finish").hasSizeGreaterThanOrEqualTo(4);
        for (String out : outputs) {
            for (int k = 0; k < 20; k++) {
                String edited = Mutations.mutate(out, random);
                assertThat(c.matches(edited))
                        .as("agrees with oracle on %s", edited)
                        .isEqualTo(oracle.accepts(edited));
            }
        }
    }
}
