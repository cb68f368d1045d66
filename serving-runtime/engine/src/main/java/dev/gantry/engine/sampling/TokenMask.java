package dev.gantry.engine.sampling;

/**
 * The constraint hook: which tokens a sequence may produce next. The engine asks every masked sequence
 * of a batch for its allowed set before each sampling step, uploads the packed words and applies them
 * to the logits on the device.
 *
 * <p>Calls come from the engine's scheduler thread, one sequence at a time, in this order per step:
 * {@link #isComplete()}, then (when not complete) {@link #fillAllowed(int[])}, then {@link #accept(int)}
 * with the sampled token unless that token ends the sequence (an end-of-sequence or stop token), then
 * {@link #isComplete()} again: a sequence whose mask is complete after a token ends there, without
 * another step to sample the end-of-sequence token.
 */
public interface TokenMask {

    /**
     * Sets bit {@code t & 31} of {@code words[t >>> 5]} for every allowed token {@code t} and clears all
     * others. {@code words.length == ceil(vocabSize / 32)}; the array arrives zeroed. Leaving every bit
     * clear means no token can continue the output: the engine then ends the sequence.
     */
    void fillAllowed(int[] words);

    /** Advances the constraint past a token that was sampled for this sequence. */
    void accept(int tokenId);

    /**
     * Whether the output is complete and nothing but end-of-sequence may follow: the engine then ends the
     * sequence (forcing end-of-sequence if asked before any token) without consulting
     * {@link #fillAllowed(int[])}. A constraint whose output may end
     * here but could also go on reports false and includes the end-of-sequence token in its allowed set.
     */
    boolean isComplete();
}
