package dev.gantry.engine.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.engine.TestModels;
import dev.gantry.engine.tokenizer.TextTokenizer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Streaming text must equal decoding the whole output at once, with stop strings cut and never leaked. */
class OutputTextTest {
    private static TextTokenizer tokenizer;

    @BeforeAll
    static void load() {
        tokenizer = TextTokenizer.load(TestModels.stories260K());
    }

    @AfterAll
    static void close() {
        tokenizer.close();
    }

    @Test
    void tokenByTokenTextEqualsDecodingAtOnceIncludingMultiByteCharacters() {
        // Byte-fallback: "é", "☃" and the emoji are split over several byte tokens.
        String text = "Zoo was a café ☃ with 🐘 elephants and a long story that goes on and on.";
        int[] all = tokenizer.encode(text, true);
        int[] prompt = Arrays.copyOf(all, 3);
        IncrementalDetokenizer detokenizer = new IncrementalDetokenizer(tokenizer, prompt);
        StringBuilder streamed = new StringBuilder();
        StringBuilder pieces = new StringBuilder();

        for (int i = prompt.length; i < all.length; i++) {
            String piece = detokenizer.append(all[i]);
            assertThat(piece).doesNotContain("\uFFFD");
            streamed.append(piece);
            pieces.append('|');
        }
        streamed.append(detokenizer.flush());

        String whole = tokenizer.decode(all);
        String promptText = tokenizer.decode(prompt);
        assertThat(promptText + streamed).isEqualTo(whole);
        assertThat(whole).contains("café ☃").contains("🐘");
    }

    @Test
    void stopStringsSplitAcrossPiecesAreFoundAndNeverReleased() {
        StopStringMatcher matcher = new StopStringMatcher(List.of("END", "\n\n"));
        StringBuilder released = new StringBuilder();

        for (String piece : List.of("one E", "N", "ds; two EN", "D three")) {
            StopStringMatcher.Result result = matcher.append(piece);
            released.append(result.text());
            if (result.stopped()) {
                break;
            }
        }

        assertThat(released.toString()).isEqualTo("one ENds; two ");
    }

    @Test
    void textHeldBackForAPossibleStopStringIsReleasedAtTheEnd() {
        StopStringMatcher matcher = new StopStringMatcher(List.of("STOP"));

        StopStringMatcher.Result result = matcher.append("almost ST");

        assertThat(result.text()).isEqualTo("almost ");
        assertThat(result.stopped()).isFalse();
        assertThat(matcher.flush()).isEqualTo("ST");
    }
}
