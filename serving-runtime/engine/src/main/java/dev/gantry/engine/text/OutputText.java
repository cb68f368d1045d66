package dev.gantry.engine.text;

import dev.gantry.engine.tokenizer.TextTokenizer;
import java.util.List;

/** One sequence's output as text: detokenized incrementally and cut at the first stop string. */
public final class OutputText {
    /** The text a new token releases, and whether a stop string was reached. */
    public record Delta(String text, boolean stopped) {}

    private final IncrementalDetokenizer detokenizer;
    private final StopStringMatcher stops;

    public OutputText(TextTokenizer tokenizer, int[] prompt, List<String> stopStrings) {
        this.detokenizer = new IncrementalDetokenizer(tokenizer, prompt);
        this.stops = new StopStringMatcher(stopStrings);
    }

    public Delta append(int token) {
        StopStringMatcher.Result result = stops.append(detokenizer.append(token));
        return new Delta(result.text(), result.stopped());
    }

    /** The rest of the text when generation ends without a stop string. */
    public String finish() {
        StopStringMatcher.Result result = stops.append(detokenizer.flush());
        return result.stopped() ? result.text() : result.text() + stops.flush();
    }
}
