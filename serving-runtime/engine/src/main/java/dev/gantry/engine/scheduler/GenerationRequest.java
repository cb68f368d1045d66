package dev.gantry.engine.scheduler;

import dev.gantry.engine.sampling.SamplingParams;
import dev.gantry.engine.sampling.TokenMask;
import java.util.List;
import java.util.Set;

/**
 * One sequence to generate: the prompt's token ids, how to sample, when to stop, and an optional
 * constraint mask (null when unconstrained). {@code stopTokenIds} come on top of the model's
 * end-of-sequence ids, which stop every sequence unless {@code ignoreEos}.
 */
public record GenerationRequest(
        int[] promptTokens,
        SamplingParams sampling,
        int maxTokens,
        List<String> stopStrings,
        Set<Integer> stopTokenIds,
        boolean ignoreEos,
        TokenMask mask) {

    public GenerationRequest {
        if (promptTokens == null || promptTokens.length == 0) {
            throw new IllegalArgumentException("the prompt has no tokens");
        }
        if (maxTokens < 1) {
            throw new IllegalArgumentException("max_tokens must be at least 1");
        }
        stopStrings = stopStrings == null ? List.of() : List.copyOf(stopStrings);
        stopTokenIds = stopTokenIds == null ? Set.of() : Set.copyOf(stopTokenIds);
    }

    /** A plain request: greedy or sampled, no stop strings, no mask. */
    public static GenerationRequest of(int[] prompt, SamplingParams sampling, int maxTokens) {
        return new GenerationRequest(prompt, sampling, maxTokens, List.of(), Set.of(), false, null);
    }
}
