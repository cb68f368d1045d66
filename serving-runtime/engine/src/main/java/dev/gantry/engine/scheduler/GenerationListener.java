package dev.gantry.engine.scheduler;

/**
 * Receives one sequence's output. Called on the engine's scheduler thread: implementations must return
 * quickly (hand work to another thread) and must not block. Exactly one of {@link #onFinish} and
 * {@link #onError} ends the stream.
 */
public interface GenerationListener {

    /** Generation started: the prompt is in the cache (time to first token is measured from here on). */
    default void onStarted() {}

    /**
     * A token was generated. {@code text} is the text it completes; it may be empty (an unfinished
     * character, or text held back because it could be the start of a stop string).
     */
    void onToken(int tokenId, String text);

    /** Generation ended; {@code trailingText} is text released only now (may be empty). */
    void onFinish(FinishReason reason, String trailingText, GenerationStats stats);

    /** Generation failed (queue timeout, shutdown, an engine error). */
    void onError(Throwable error);
}
