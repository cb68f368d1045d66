package dev.gantry.runtime.inference;

import dev.gantry.runtime.http.ApiException;
import java.util.List;

/**
 * Where an inference's output goes, in an endpoint's format. Called on the request's event-loop context,
 * in this order: {@code start} once, then {@code delta}s and one {@code finish} per choice, then
 * {@code complete}; or {@code fail} at any point.
 */
public interface OutputSink {
    /** The answer begins; {@code cache} says whether it comes from the response cache. */
    void start(CacheStatus cache);

    /** Whether a request was answered from the cache ({@code HIT}), could have been ({@code MISS}), or not ({@code NONE}). */
    enum CacheStatus {
        HIT,
        MISS,
        NONE
    }

    void delta(int choice, String text);

    void finish(int choice, String finishReason);

    void complete(List<ChoiceResult> choices, Usage usage);

    void fail(ApiException error);

    /** One choice's full text and why it ended ({@code stop} or {@code length}). */
    record ChoiceResult(int index, String text, String finishReason) {}

    /** Token counts of the whole request. */
    record Usage(int promptTokens, int completionTokens) {
        public int totalTokens() {
            return promptTokens + completionTokens;
        }
    }
}
