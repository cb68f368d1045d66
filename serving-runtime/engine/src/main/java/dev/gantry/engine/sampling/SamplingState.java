package dev.gantry.engine.sampling;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A sequence's sampling state between steps: its parameters, its own random stream (so a seeded sequence
 * samples the same tokens whatever else shares its batch), token counts for penalties, and its mask.
 */
public final class SamplingState {
    private final SamplingParams params;
    private final TokenMask mask;
    private final Random random;
    private final Map<Integer, Integer> generatedCounts = new HashMap<>();
    private final Set<Integer> promptTokens = new HashSet<>();
    private boolean maskDeadEnd;

    public SamplingState(SamplingParams params, TokenMask mask, int[] prompt) {
        this.params = params;
        this.mask = mask;
        this.random = params.seed() != null ? new Random(params.seed()) : new Random();
        if (params.repetitionPenalty() != 1) {
            for (int token : prompt) {
                promptTokens.add(token);
            }
        }
    }

    public SamplingParams params() {
        return params;
    }

    /** The constraint mask, or null for an unconstrained sequence. */
    public TokenMask mask() {
        return mask;
    }

    /** The next uniform number in [0, 1) of this sequence's stream. */
    double nextUniform() {
        return random.nextDouble();
    }

    public void recordGenerated(int token) {
        if (params.penalised()) {
            generatedCounts.merge(token, 1, Integer::sum);
        }
    }

    Map<Integer, Integer> generatedCounts() {
        return generatedCounts;
    }

    Set<Integer> promptTokens() {
        return promptTokens;
    }

    /** The mask allowed no token at some step, so the engine forced end-of-sequence. */
    public boolean maskDeadEnd() {
        return maskDeadEnd;
    }

    void markMaskDeadEnd() {
        maskDeadEnd = true;
    }
}
