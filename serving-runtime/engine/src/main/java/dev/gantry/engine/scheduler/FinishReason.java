package dev.gantry.engine.scheduler;

/** Why a sequence stopped generating. */
public enum FinishReason {
    /** End-of-sequence, a stop token or a stop string. */
    STOP,
    /** {@code max_tokens} reached, or the context is full. */
    LENGTH,
    /** The caller cancelled it (client gone, shutdown). */
    CANCELLED
}
