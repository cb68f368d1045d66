package dev.gantry.engine.scheduler;

import java.util.HashSet;
import java.util.Set;

/** Which sampled tokens end a sequence: the model's end-of-sequence ids and a request's stop tokens. */
final class TokenRules {
    private final Set<Integer> endOfSequence = new HashSet<>();

    TokenRules(int[] endOfSequence) {
        for (int id : endOfSequence) {
            this.endOfSequence.add(id);
        }
    }

    boolean isEndOfSequence(int token) {
        return endOfSequence.contains(token);
    }

    boolean endsSequence(GenerationRequest request, int token) {
        return (!request.ignoreEos() && endOfSequence.contains(token))
                || request.stopTokenIds().contains(token);
    }
}
