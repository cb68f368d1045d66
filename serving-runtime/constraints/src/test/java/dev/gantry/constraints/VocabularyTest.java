package dev.gantry.constraints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gantry.constraints.support.TestVocabularies;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class VocabularyTest {
    @Test
    void decodesByteLevelBpeTokensToTheirBytes() {
        Vocabulary gpt2 = TestVocabularies.gpt2();

        assertThat(text(gpt2, 262)).isEqualTo(" the");
        assertThat(text(gpt2, 198)).isEqualTo("\n");
        assertThat(text(gpt2, 11)).isEqualTo(",");
        assertThat(gpt2.tokenBytes(1849)).containsExactly((byte) 0xC2, (byte) 0xA0);
    }

    @Test
    void decodesSentencePieceTokensWithByteFallback() {
        Vocabulary stories = TestVocabularies.stories260k();

        assertThat(text(stories, 265)).isEqualTo(" the");
        assertThat(stories.tokenBytes(13)).containsExactly((byte) '\n');
        assertThat(stories.tokenBytes(3)).containsExactly((byte) 0);
    }

    @Test
    void excludesSpecialTokensAndFindsEndOfSequence() {
        Vocabulary stories = TestVocabularies.stories260k();
        Vocabulary gpt2 = TestVocabularies.gpt2();

        assertThat(stories.eosTokenIds()).containsExactly(2);
        assertThat(stories.isExcluded(0)).isTrue();
        assertThat(stories.isExcluded(1)).isTrue();
        assertThat(stories.isExcluded(259)).isFalse();
        assertThat(gpt2.eosTokenIds()).containsExactly(50256);
        assertThat(gpt2.isExcluded(50256)).isTrue();
    }

    @Test
    void sizesTheMaskForAWiderModelAndNeverAllowsPaddingIds() {
        Vocabulary padded = TestVocabularies.stories260k().withSize(600);
        CompiledConstraint c = ConstraintCompiler.compileUncached(
                Constraint.regex(".*"), padded, ConstraintOptions.DEFAULTS, ConstraintMetrics.NONE);
        Matcher m = c.newMatcher();
        int[] mask = new int[padded.maskWords()];

        m.fillMask(mask);

        assertThat(mask).hasSize(19);
        for (int t = 512; t < 600; t++) {
            assertThat(mask[t >>> 5] & (1 << (t & 31))).as("padding id %d", t).isZero();
        }
    }

    @Test
    void fingerprintIdentifiesContentNotTheInstance() {
        Vocabulary a = TestVocabularies.stories260k();
        Vocabulary b = Vocabulary.fromTokenizerJson(TestVocabularies.resourceDir("tokenizers/stories260K"));

        assertThat(a.id()).isEqualTo(b.id());
        assertThat(a.withEosTokenIds(1).id()).isNotEqualTo(a.id());
    }

    @Test
    void refusesAVocabularyWithoutEndOfSequence() {
        List<byte[]> tokens = List.of("a".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> Vocabulary.of(tokens, new BitSet()))
                .isInstanceOf(ConstraintException.class)
                .hasMessageContaining("end-of-sequence");
    }

    private static String text(Vocabulary v, int id) {
        return new String(v.tokenBytes(id), StandardCharsets.UTF_8);
    }
}
