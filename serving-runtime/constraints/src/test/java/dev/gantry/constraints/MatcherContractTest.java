package dev.gantry.constraints;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.constraints.support.TestVocabularies;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The contract the runtime relies on: mask layout, accept, completion, end-of-sequence, rollback. */
class MatcherContractTest {
    private static final Vocabulary VOCAB = TestVocabularies.bytesPlus("ye", "yes", "no", "s!", "!");
    private static final int EOS = VOCAB.eosTokenIds()[0];

    private static CompiledConstraint compile(Constraint c) {
        return ConstraintCompiler.compileUncached(c, VOCAB, ConstraintOptions.DEFAULTS, ConstraintMetrics.NONE);
    }

    private static int token(String text) {
        for (int t = 0; t < VOCAB.size(); t++) {
            if (!VOCAB.isExcluded(t)
                    && Arrays.equals(VOCAB.tokenBytesUnsafe(t), text.getBytes(StandardCharsets.UTF_8))) {
                return t;
            }
        }
        throw new IllegalArgumentException(text);
    }

    private static boolean allowed(int[] mask, int t) {
        return (mask[t >>> 5] & (1 << (t & 31))) != 0;
    }

    @Test
    void fillMaskSetsExactlyTheAllowedTokensAndClearsTheRest() {
        Matcher m = compile(Constraint.choice(java.util.List.of("yes", "no"))).newMatcher();
        int[] mask = new int[m.maskWords()];
        Arrays.fill(mask, -1);

        m.fillMask(mask);

        assertThat(mask).hasSize((VOCAB.size() + 31) / 32);
        int set = 0;
        for (int t = 0; t < VOCAB.size(); t++) {
            set += allowed(mask, t) ? 1 : 0;
        }
        assertThat(set).isEqualTo(5);
        assertThat(allowed(mask, token("y"))).isTrue();
        assertThat(allowed(mask, token("ye"))).isTrue();
        assertThat(allowed(mask, token("yes"))).isTrue();
        assertThat(allowed(mask, token("n"))).isTrue();
        assertThat(allowed(mask, token("no"))).isTrue();
        assertThat(allowed(mask, EOS)).isFalse();
    }

    @Test
    void acceptRefusesADisallowedTokenAndKeepsItsState() {
        Matcher m = compile(Constraint.choice(java.util.List.of("yes", "no"))).newMatcher();

        assertThat(m.accept(token("s!"))).isFalse();
        assertThat(m.accept(EOS)).isFalse();
        assertThat(m.acceptedCount()).isZero();
        assertThat(m.accept(token("ye"))).isTrue();
        assertThat(m.accept(token("s"))).isTrue();
        assertThat(m.canEnd()).isTrue();
    }

    @Test
    void onlyEndOfSequenceIsAllowedOnceTheOutputCannotGrow() {
        Matcher m = compile(Constraint.choice(java.util.List.of("yes", "no"))).newMatcher();
        int[] mask = new int[m.maskWords()];
        m.accept(token("no"));

        m.fillMask(mask);

        assertThat(m.isComplete()).isTrue();
        for (int t = 0; t < VOCAB.size(); t++) {
            assertThat(allowed(mask, t)).as("token %d", t).isEqualTo(t == EOS);
        }
        assertThat(m.accept(EOS)).isTrue();
        assertThat(m.accept(token("y"))).isFalse();
    }

    @Test
    void endOfSequenceIsAllowedAlongsideContinuationsWhenCompleteButExtensible() {
        Matcher m = compile(Constraint.regex("yes!*")).newMatcher();
        int[] mask = new int[m.maskWords()];
        m.accept(token("yes"));

        m.fillMask(mask);

        assertThat(m.canEnd()).isTrue();
        assertThat(m.isComplete()).isFalse();
        assertThat(allowed(mask, EOS)).isTrue();
        assertThat(allowed(mask, token("!"))).isTrue();
        assertThat(allowed(mask, token("s!"))).isFalse();
    }

    @Test
    void specialTokensAreNeverAllowed() {
        Vocabulary stories = TestVocabularies.stories260k();
        Matcher m = ConstraintCompiler.compileUncached(
                        Constraint.regex("(.|\\n)*"), stories, ConstraintOptions.DEFAULTS, ConstraintMetrics.NONE)
                .newMatcher();
        int[] mask = new int[m.maskWords()];

        m.fillMask(mask);

        assertThat(allowed(mask, 0)).isFalse();
        assertThat(allowed(mask, 1)).isFalse();
        assertThat(allowed(mask, 2))
                .as("end-of-sequence: the empty output is complete")
                .isTrue();
        assertThat(m.accept(1)).isFalse();
    }

    @Test
    void rollbackRestoresTheEarlierState() {
        Matcher m = compile(Constraint.choice(java.util.List.of("yes", "no"))).newMatcher();
        int[] before = new int[m.maskWords()];
        int[] after = new int[m.maskWords()];
        m.fillMask(before);
        m.accept(token("y"));
        m.accept(token("e"));

        m.rollback(2);
        m.fillMask(after);

        assertThat(after).isEqualTo(before);
        assertThat(m.acceptedCount()).isZero();
        assertThat(m.accept(token("no"))).isTrue();
    }

    @Test
    void fillMaskAtAnOffsetWritesOneRowOfABatchMask() {
        Matcher m = compile(Constraint.choice(java.util.List.of("yes", "no"))).newMatcher();
        int words = m.maskWords();
        int[] batch = new int[3 * words];
        Arrays.fill(batch, -1);

        m.fillMask(batch, words);

        assertThat(batch[0]).isEqualTo(-1);
        assertThat(batch[2 * words]).isEqualTo(-1);
        assertThat(allowed(Arrays.copyOfRange(batch, words, 2 * words), token("no")))
                .isTrue();
    }

    @Test
    void shortestCompletionFinishesAPartialOutput() {
        CompiledConstraint c = compile(
                Constraint.jsonSchema(
                        "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"integer\"},\"b\":{\"type\":\"string\"}},\"required\":[\"a\",\"b\"]}"));
        Matcher m = c.newMatcher();
        m.acceptText("{\"a\":1");

        byte[] rest = m.shortestCompletion(100);

        String full = "{\"a\":1" + new String(rest, StandardCharsets.UTF_8);
        assertThat(c.matches(full)).as(full).isTrue();
        assertThat(full).isEqualTo("{\"a\":1,\"b\":\"\"}");
    }

    @Test
    void finishReportsValidOrTruncatedOnce() {
        java.util.List<ConstraintMetrics.Outcome> outcomes = new java.util.ArrayList<>();
        ConstraintMetrics metrics = new ConstraintMetrics() {
            @Override
            public void outputFinished(ConstraintKind kind, Outcome outcome) {
                outcomes.add(outcome);
            }
        };
        CompiledConstraint c = ConstraintCompiler.compileUncached(
                Constraint.choice(java.util.List.of("yes", "no")), VOCAB, ConstraintOptions.DEFAULTS, metrics);
        Matcher cut = c.newMatcher();
        cut.accept(token("ye"));
        Matcher done = c.newMatcher();
        done.accept(token("no"));

        assertThat(cut.finish()).isEqualTo(ConstraintMetrics.Outcome.TRUNCATED);
        assertThat(done.finish()).isEqualTo(ConstraintMetrics.Outcome.VALID);
        done.finish();
        assertThat(outcomes).containsExactly(ConstraintMetrics.Outcome.TRUNCATED, ConstraintMetrics.Outcome.VALID);
    }
}
