package dev.gantry.constraints.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.constraints.*;
import dev.gantry.constraints.support.TestVocabularies;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonSmokeTest {
    static String sample(CompiledConstraint c, Vocabulary v, Random rnd, int maxSteps) {
        Matcher m = c.newMatcher();
        StringBuilder sb = new StringBuilder();
        int[] mask = new int[m.maskWords()];
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int step = 0; step < maxSteps; step++) {
            m.fillMask(mask);
            java.util.List<Integer> allowed = new java.util.ArrayList<>();
            for (int t = 0; t < v.size(); t++) if ((mask[t >>> 5] & (1 << (t & 31))) != 0) allowed.add(t);
            if (allowed.isEmpty()) { return "DEAD:" + out; }
            int t;
            if (step > maxSteps / 2) {
                java.util.List<Integer> closers = new java.util.ArrayList<>();
                for (int a : allowed) { if (v.isEos(a)) { closers.clear(); closers.add(a); break; } String s = new String(v.tokenBytes(a)); if (s.contains("\"") || s.contains("}") || s.contains("]")) closers.add(a); }
                if (!closers.isEmpty()) allowed = closers;
            }
            t = allowed.get(rnd.nextInt(allowed.size()));
            if (v.isEos(t)) return out.toString(java.nio.charset.StandardCharsets.UTF_8);
            assertThat(m.accept(t)).isTrue();
            out.writeBytes(v.tokenBytes(t));
        }
        return "CUT:" + out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void jsonSchemaWorks() {
        Vocabulary v = TestVocabularies.gpt2();
        String schema = "{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\",\"maxLength\":10},\"age\":{\"type\":\"integer\",\"minimum\":0,\"maximum\":150},"
                + "\"tags\":{\"type\":\"array\",\"items\":{\"enum\":[\"a\",\"b\",\"c\"]},\"maxItems\":3},\"email\":{\"type\":\"string\",\"format\":\"email\"}},\"required\":[\"name\",\"age\"],\"additionalProperties\":false}";
        long t0 = System.nanoTime();
        CompiledConstraint c = ConstraintCompiler.compileUncached(
                Constraint.jsonSchema(schema), v, ConstraintOptions.DEFAULTS, ConstraintMetrics.NONE);
        System.out.println("compile ms " + (System.nanoTime() - t0) / 1e6);
        assertThat(c.matches("{\"name\":\"bob\",\"age\":3}")).isTrue();
        assertThat(c.matches("{\"name\":\"bob\"}")).isFalse();
        Random rnd = new Random(1);
        for (int k = 0; k < 10; k++) {
            long t1 = System.nanoTime();
            System.out.println(sample(c, v, rnd, 60) + "   " + (System.nanoTime() - t1) / 1e6 + "ms");
        }
    }

    @Test
    void anyJsonWorks() {
        Vocabulary v = TestVocabularies.gpt2();
        CompiledConstraint c = ConstraintCompiler.compileUncached(
                Constraint.json(), v, ConstraintOptions.DEFAULTS, ConstraintMetrics.NONE);
        assertThat(c.matches("{\"a\":[1,2,{\"b\":null}],\"c\":\"x\"}")).isTrue();
        Random rnd = new Random(2);
        for (int k = 0; k < 10; k++) System.out.println(sample(c, v, rnd, 60));
    }
}
