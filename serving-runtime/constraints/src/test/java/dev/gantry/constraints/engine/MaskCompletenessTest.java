package dev.gantry.constraints.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import dev.gantry.constraints.CompiledConstraint;
import dev.gantry.constraints.Constraint;
import dev.gantry.constraints.ConstraintCompiler;
import dev.gantry.constraints.ConstraintMetrics;
import dev.gantry.constraints.ConstraintOptions;
import dev.gantry.constraints.Vocabulary;
import dev.gantry.constraints.Whitespace;
import dev.gantry.constraints.support.GeneratorFormat;
import dev.gantry.constraints.support.MaskChecks;
import dev.gantry.constraints.support.TestVocabularies;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The mask never excludes a token that could continue a valid output, checked exhaustively on small
 * vocabularies (every byte, plus multi-byte tokens that cross structure boundaries): the valid outputs
 * are enumerated independently (a universe of small JSON values filtered by the networknt validator;
 * strings filtered by java.util.regex), and every prefix of every one is visited.
 */
class MaskCompletenessTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Vocabulary VOCAB = TestVocabularies.bytesPlus(
            "{\"", "\":", "\": ", "\":\"", "\",\"", "\", \"", "\"}", "\"},{\"", "}]", "],", "[{", "[[", "]]", "null",
            "true", "false", "nu", "ll,", "12", "13", "1.", ".5", "-1", "ab", "xa", "\"a", "a\"", "b\":", ", ", ": ",
            " \"", "\n  ", " }", "1]", "1,", "0}", "e\"", "\n}", "[\"", "\"]", "aa", "ba", "01", "a-");

    static final List<String> SCHEMAS = List.of(
            "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"integer\",\"minimum\":0,\"maximum\":12},\"b\":{\"enum\":[\"x\",\"ab\"]}},\"required\":[\"a\"],\"additionalProperties\":false}",
            "{\"type\":\"array\",\"items\":{\"type\":\"boolean\"},\"maxItems\":2}",
            "{\"anyOf\":[{\"type\":\"string\",\"maxLength\":2},{\"type\":\"null\"}]}",
            "{\"type\":\"object\",\"additionalProperties\":{\"type\":\"integer\"},\"maxProperties\":2}",
            "{\"oneOf\":[{\"const\":1},{\"const\":\"a\"},{\"type\":\"array\",\"maxItems\":1,\"items\":{\"const\":true}}]}",
            "{\"$defs\":{\"t\":{\"type\":\"array\",\"maxItems\":2,\"items\":{\"$ref\":\"#/$defs/t\"}}},\"$ref\":\"#/$defs/t\"}",
            "{\"type\":\"array\",\"prefixItems\":[{\"type\":\"string\",\"pattern\":\"^[ab]+$\"},{\"type\":\"number\",\"exclusiveMinimum\":0}],\"items\":false}",
            "{\"type\":[\"integer\",\"string\"],\"not\":{\"enum\":[1,\"a\"]},\"maximum\":13,\"maxLength\":1}",
            "{\"type\":\"array\",\"items\":{\"type\":\"string\",\"pattern\":\"^[ab-]+$\",\"minLength\":2,\"maxLength\":4},\"maxItems\":1}",
            "{\"type\":\"string\",\"format\":\"hostname\",\"maxLength\":4}");

    static final List<String> REGEXES =
            List.of("(ab|a)*b?", "[a-c]{1,3}-\\d", "(null|nu|true)(,\\d)?", "x?[\"a]{2}\\]?");

    @TestFactory
    Stream<DynamicTest> jsonSchemaMasksAreComplete() {
        return SCHEMAS.stream().map(s -> DynamicTest.dynamicTest(s, () -> checkSchema(s, VOCAB)));
    }

    /** The same, with every boundary-crossing group kept as vocabulary-trie subtrees (the path for huge groups). */
    @TestFactory
    Stream<DynamicTest> jsonSchemaMasksAreCompleteWithTailsInTheVocabularyTrie() {
        return SCHEMAS.stream()
                .limit(4)
                .map(s -> DynamicTest.dynamicTest(s, () -> {
                    int saved = EntryBuilder.Tails.maxTailTrie;
                    EntryBuilder.Tails.maxTailTrie = 0;
                    try {
                        checkSchema(
                                s,
                                TestVocabularies.bytesPlus(
                                        "{\"", "\":", "\":\"", "\",\"", "\"}", "}]", "[{", "null", "true", "12", "ab",
                                        ", ", "1]", "\"a"));
                    } finally {
                        EntryBuilder.Tails.maxTailTrie = saved;
                    }
                }));
    }

    @TestFactory
    Stream<DynamicTest> regexMasksAreComplete() {
        return REGEXES.stream().map(r -> DynamicTest.dynamicTest(r, () -> checkRegex(r)));
    }

    private void checkSchema(String text, Vocabulary vocab) throws Exception {
        JsonNode schema = JSON.readTree(text);
        ConstraintOptions options =
                ConstraintOptions.builder().whitespace(Whitespace.flexible(3)).build();
        CompiledConstraint c = ConstraintCompiler.compileUncached(
                Constraint.jsonSchema(schema), vocab, options, ConstraintMetrics.NONE);
        JsonSchema oracle = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(
                        schema,
                        SchemaValidatorsConfig.builder()
                                .formatAssertionsEnabled(true)
                                .build());
        GeneratorFormat format = new GeneratorFormat(schema);
        Set<String> valid = new HashSet<>();
        for (JsonNode v : universe()) {
            if (oracle.validate(v).isEmpty()) {
                String compact = format.write(v);
                valid.add(compact);
                valid.add(spaced(compact));
            }
        }
        assertThat(valid).isNotEmpty();
        long checked = MaskChecks.checkComplete(c, vocab, valid);
        assertThat(checked).isGreaterThan(1000);
    }

    private void checkRegex(String regex) {
        CompiledConstraint c = ConstraintCompiler.compileUncached(
                Constraint.regex(regex), VOCAB, ConstraintOptions.DEFAULTS, ConstraintMetrics.NONE);
        Pattern oracle = Pattern.compile(regex);
        Set<String> valid = new HashSet<>();
        String alphabet = "ab-1,\"]xnulltre";
        enumerate("", alphabet, 6, s -> {
            if (oracle.matcher(s).matches()) {
                valid.add(s);
            }
        });
        assertThat(valid).isNotEmpty();
        assertThat(MaskChecks.checkComplete(c, VOCAB, valid)).isGreaterThan(100);
    }

    private static void enumerate(String prefix, String alphabet, int depth, java.util.function.Consumer<String> out) {
        out.accept(prefix);
        if (depth == 0) {
            return;
        }
        for (char ch : alphabet.toCharArray()) {
            enumerate(prefix + ch, alphabet, depth - 1, out);
        }
    }

    /** The same JSON with a space after every ':' and ',' outside strings (whitespace the policy allows). */
    private static String spaced(String compact) {
        StringBuilder sb = new StringBuilder();
        boolean inString = false;
        for (int i = 0; i < compact.length(); i++) {
            char ch = compact.charAt(i);
            sb.append(ch);
            if (ch == '"' && (i == 0 || compact.charAt(i - 1) != '\\')) {
                inString = !inString;
            }
            if (!inString && (ch == ':' || ch == ',')) {
                sb.append(' ');
            }
        }
        return sb.toString();
    }

    /** Small JSON values: scalars, and arrays and objects of up to two of them, one level of nesting more. */
    static List<JsonNode> universe() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        List<JsonNode> scalars = new ArrayList<>(List.of(
                f.nullNode(),
                f.booleanNode(true),
                f.booleanNode(false),
                f.numberNode(0),
                f.numberNode(1),
                f.numberNode(12),
                f.numberNode(13),
                f.numberNode(-1),
                f.numberNode(new java.math.BigDecimal("1.5")),
                f.textNode(""),
                f.textNode("a"),
                f.textNode("x"),
                f.textNode("ab"),
                f.textNode("ba")));
        List<JsonNode> out = new ArrayList<>(scalars);
        for (String extra : List.of("a-b", "abab", "aabba", "a.b", "ab.x")) {
            out.add(f.textNode(extra));
            out.add(f.arrayNode().add(extra));
            out.add(f.objectNode().put("a", extra));
        }
        List<JsonNode> level1 = new ArrayList<>();
        level1.add(f.arrayNode());
        level1.add(f.objectNode());
        for (JsonNode a : scalars) {
            level1.add(f.arrayNode().add(a));
            for (String k : List.of("a", "b", "x")) {
                ObjectNode o = f.objectNode();
                o.set(k, a);
                level1.add(o);
            }
            for (JsonNode b : scalars) {
                level1.add(f.arrayNode().add(a).add(b));
                ObjectNode o = f.objectNode();
                o.set("a", a);
                o.set("b", b);
                level1.add(o);
            }
        }
        out.addAll(level1);
        for (JsonNode x : level1) {
            ArrayNode arr = f.arrayNode().add(x);
            out.add(arr);
            out.add(f.arrayNode().add(x).add(f.arrayNode()));
        }
        return out;
    }
}
