package dev.gantry.constraints.engine;

import dev.gantry.constraints.automaton.Dfa;
import dev.gantry.constraints.automaton.IntList;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A JSON string with {@code minLength}/{@code maxLength}: the free string automaton plus a character
 * counter in the state, instead of an automaton unrolled per length. Masks come from the shared
 * {@link StringProfile}s, keyed by how many characters are left, so long bounds cost nothing extra.
 * Characters are counted as JSON Schema does: one per code point, an escape sequence counting one.
 */
public final class CountedStringRule extends Rule {
    private final Dfa dfa;
    private final int inside;
    private final int min;
    private final long max;
    private final Object profileKey;
    private final ConcurrentHashMap<Long, MaskEntry> entries = new ConcurrentHashMap<>();

    /**
     * @param dfa the free JSON string literal automaton (quotes included), whose state after the
     *     opening quote is the only one where characters start
     * @param profileKey identifies {@code dfa} for sharing profiles between rules
     */
    public CountedStringRule(String name, Dfa dfa, int min, long max, Object profileKey) {
        super(name);
        if (dfa.stateCount() > 255) {
            throw new IllegalArgumentException("string automaton too large for a counted rule");
        }
        this.dfa = dfa;
        this.inside = dfa.step(dfa.start(), '"');
        this.min = min;
        this.max = max;
        this.profileKey = profileKey;
    }

    private static long pack(long n, int q) {
        return (n << 8) | q;
    }

    private static int q(long state) {
        return (int) (state & 0xFF);
    }

    private static long n(long state) {
        return state >>> 8;
    }

    @Override
    long start() {
        return pack(0, dfa.start());
    }

    @Override
    long step(long state, int b) {
        int q = q(state);
        int next = dfa.step(q, b);
        if (next < 0) {
            return -1;
        }
        long n = n(state);
        if (q == inside) {
            if (b == '"') {
                return n >= min ? pack(0, next) : -1;
            }
            if (++n > max) {
                return -1;
            }
        }
        return pack(n, next);
    }

    @Override
    boolean accepting(long state) {
        return dfa.accepting(q(state));
    }

    @Override
    boolean hasByteEdges(long state) {
        return dfa.hasByteEdges(q(state));
    }

    @Override
    MaskEntry entry(long state, TokenIndex index) {
        int q = q(state);
        long n = n(state);
        int cap = index.trie().maxDepth + 1;
        long nKey = Math.min(n, min);
        long remKey = Math.min(max - n, cap);
        long key = (nKey << 40) | (remKey << 8) | q;
        MaskEntry e = entries.get(key);
        if (e == null) {
            e = derive(index, q, (int) (min - nKey), (int) remKey);
            MaskEntry prev = entries.putIfAbsent(key, e);
            if (prev != null) {
                e = prev;
            }
        }
        return e;
    }

    /** {@code needed}: characters still required before the string may close; {@code budget}: still allowed. */
    private MaskEntry derive(TokenIndex index, int q, int needed, int budget) {
        StringProfile p = profile(index, q);
        IntList closed = new IntList();
        for (int k = 0; k < p.closedIds.length; k++) {
            int c = p.closedChars[k];
            if (c <= budget && c >= needed) {
                closed.add(p.closedIds[k]);
            }
        }
        TokenSet accepted = p.insideWithin(budget, closed.toSortedUniqueArray());
        int finalState = dfa.step(inside, '"');
        if (needed <= 0 && budget >= p.maxCrossingChars) {
            return new MaskEntry(accepted, p.allCrossing(() -> crossingGroups(index, p, needed, budget, finalState)));
        }
        return new MaskEntry(accepted, crossingGroups(index, p, needed, budget, finalState));
    }

    private static MaskEntry.Group[] crossingGroups(
            TokenIndex index, StringProfile p, int needed, int budget, int finalState) {
        EntryBuilder.Tails tails = new EntryBuilder.Tails(index);
        for (int k = 0; k < p.crossingIds.length; k++) {
            int c = p.crossingChars[k];
            if (c <= budget && c >= needed) {
                tails.add(p.crossingIds[k], p.crossingOffset[k], pack(0, finalState));
            }
        }
        return tails.groups();
    }

    private StringProfile profile(TokenIndex index, int q) {
        return index.shared(
                java.util.List.of(StringProfile.class, profileKey, q),
                () -> StringProfile.compute(index, dfa, q, inside));
    }

    @Override
    long estimatedBytes() {
        long b = 96 + dfa.estimatedBytes();
        for (MaskEntry e : entries.values()) {
            b += 48 + e.estimatedBytes(false);
        }
        return b;
    }
}
