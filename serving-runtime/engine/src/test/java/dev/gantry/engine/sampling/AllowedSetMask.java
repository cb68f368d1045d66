package dev.gantry.engine.sampling;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A real {@link TokenMask} for tests: a fixed allowed set, complete after a number of tokens. */
public final class AllowedSetMask implements TokenMask {
    private final Set<Integer> allowed;
    private final int completeAfter;
    private final List<Integer> accepted = new ArrayList<>();
    private int fills;

    public AllowedSetMask(Set<Integer> allowed, int completeAfter) {
        this.allowed = Set.copyOf(allowed);
        this.completeAfter = completeAfter;
    }

    @Override
    public void fillAllowed(int[] words) {
        fills++;
        for (int token : allowed) {
            words[token >>> 5] |= 1 << (token & 31);
        }
    }

    @Override
    public void accept(int tokenId) {
        if (!allowed.contains(tokenId)) {
            throw new AssertionError("token " + tokenId + " was sampled but is not allowed");
        }
        accepted.add(tokenId);
    }

    @Override
    public boolean isComplete() {
        return accepted.size() >= completeAfter;
    }

    public List<Integer> accepted() {
        return accepted;
    }

    public int fills() {
        return fills;
    }
}
