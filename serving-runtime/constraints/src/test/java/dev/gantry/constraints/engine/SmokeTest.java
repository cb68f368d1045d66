package dev.gantry.constraints.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.constraints.*;
import dev.gantry.constraints.support.TestVocabularies;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SmokeTest {
    @Test
    void regexWorks() {
        Vocabulary v = TestVocabularies.gpt2();
        CompiledConstraint c = ConstraintCompiler.compileUncached(
                Constraint.regex("(yes|no|maybe)[0-9]{1,3}"), v, ConstraintOptions.DEFAULTS, ConstraintMetrics.NONE);
        assertThat(c.matches("yes12")).isTrue();
        assertThat(c.matches("yes1234")).isFalse();
        Random rnd = new Random(1);
        for (int k = 0; k < 20; k++) {
            Matcher m = c.newMatcher();
            StringBuilder sb = new StringBuilder();
            int[] mask = new int[m.maskWords()];
            for (int step = 0; step < 20; step++) {
                m.fillMask(mask);
                java.util.List<Integer> allowed = new java.util.ArrayList<>();
                for (int t = 0; t < v.size(); t++) if ((mask[t >>> 5] & (1 << (t & 31))) != 0) allowed.add(t);
                int t = allowed.get(rnd.nextInt(allowed.size()));
                if (v.isEos(t)) break;
                assertThat(m.accept(t)).isTrue();
                sb.append(new String(v.tokenBytes(t), java.nio.charset.StandardCharsets.UTF_8));
            }
            System.out.println(sb + " complete=" + m.isComplete());
        }
    }

    @Test
    void grammarWorks() {
        Vocabulary v = TestVocabularies.stories260k();
        String g = "root ::= \"(\" expr \")\"\nexpr ::= term ((\"+\"|\"-\") term)*\nterm ::= [0-9]+ | \"(\" expr \")\"\n";
        CompiledConstraint c = ConstraintCompiler.compileUncached(
                Constraint.grammar(g), v, ConstraintOptions.DEFAULTS, ConstraintMetrics.NONE);
        assertThat(c.matches("(1+(2-3))")).isTrue();
        assertThat(c.matches("(1+(2-3)")).isFalse();
        Random rnd = new Random(1);
        for (int k = 0; k < 20; k++) {
            Matcher m = c.newMatcher();
            StringBuilder sb = new StringBuilder();
            int[] mask = new int[m.maskWords()];
            for (int step = 0; step < 40; step++) {
                m.fillMask(mask);
                java.util.List<Integer> allowed = new java.util.ArrayList<>();
                for (int t = 0; t < v.size(); t++) if ((mask[t >>> 5] & (1 << (t & 31))) != 0) allowed.add(t);
                if (allowed.isEmpty()) { System.out.println("DEAD at " + sb); break; }
                int t = allowed.get(rnd.nextInt(allowed.size()));
                if (v.isEos(t)) break;
                assertThat(m.accept(t)).as("token %d", t).isTrue();
                sb.append(new String(v.tokenBytes(t), java.nio.charset.StandardCharsets.UTF_8));
            }
            System.out.println(sb + " complete=" + m.isComplete());
        }
    }
}
