package dev.gantry.engine.scheduler;

/**
 * Token counts of a finished sequence ({@code generatedTokens} includes a final end-of-sequence token)
 * and, for a sequence with a {@link dev.gantry.engine.sampling.TokenMask}, whether the output satisfied
 * it: ended by an end-of-sequence token the mask allowed, or by the mask reporting completion. Null
 * without a mask.
 */
public record GenerationStats(int promptTokens, int generatedTokens, Boolean constraintSatisfied) {
    public GenerationStats(int promptTokens, int generatedTokens) {
        this(promptTokens, generatedTokens, null);
    }
}
