package dev.gantry.constraints.engine;

import dev.gantry.constraints.automaton.Dfa;
import dev.gantry.constraints.automaton.IntList;
import java.util.BitSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A JSON string literal automaton (a pattern or a format) with bounds on the content length in
 * characters, kept as the automaton plus a counter instead of an automaton unrolled per length. A
 * small tracker follows JSON escapes so that characters are counted as JSON Schema counts them (a code
 * point; an escape is one). A step is refused when no completion within the bounds remains, so every
 * state can still finish. Mask entries are keyed by the characters left, capped where more budget
 * stops mattering within one token, so a long bound does not multiply the cached masks.
 */
public final class BoundedLexemeRule extends Rule {
    private static final int PRE = 0;
    private static final int TEXT = 1;
    private static final int ESC = 2;
    private static final int U1 = 3;
    private static final int DONE = 7;
    private static final int TRACKERS = 8;

    private final Dfa dfa;
    private final int min;
    private final long max;
    /** Achievable completion lengths per (state, tracker): bit l set when l more characters can finish. */
    private final BitSet[] lengths;

    private final int levels;
    private final ConcurrentHashMap<Long, MaskEntry> entries = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Integer, Integer> remCaps = new ConcurrentHashMap<>();

    /** @param max the largest content length, or a negative value for none */
    public BoundedLexemeRule(String name, Dfa literal, int min, long max) {
        super(name);
        if (literal.stateCount() >= (1 << 20)) {
            throw new IllegalArgumentException("automaton too large for a bounded lexeme");
        }
        this.dfa = literal;
        this.min = min;
        this.max = max < 0 ? Long.MAX_VALUE : max;
        long top = max < 0 ? (long) min + (long) literal.stateCount() * TRACKERS + 1 : max;
        if (top > 1_000_000) {
            throw new dev.gantry.constraints.ConstraintException(
                    dev.gantry.constraints.ConstraintException.Reason.LIMIT_EXCEEDED,
                    "a string length bound of " + top + " on a pattern or format is too large");
        }
        this.levels = (int) top + 1;
        this.lengths = computeLengths();
    }

    private static long pack(int q, int e, long n) {
        return (n << 24) | ((long) e << 20) | q;
    }

    private static int q(long s) {
        return (int) (s & 0xFFFFF);
    }

    private static int e(long s) {
        return (int) ((s >>> 20) & 0xF);
    }

    private static long n(long s) {
        return s >>> 24;
    }

    /** The tracker after byte b. */
    private static int track(int e, int b) {
        switch (e) {
            case PRE:
                return b == '"' ? TEXT : PRE;
            case TEXT:
                return b == '\\' ? ESC : b == '"' ? DONE : TEXT;
            case ESC:
                return b == 'u' ? U1 : TEXT;
            case U1:
            case U1 + 1:
            case U1 + 2:
                return e + 1;
            case U1 + 3:
                return TEXT;
            default:
                return DONE;
        }
    }

    /** Whether byte b starts a character: in text, not the closing quote, not a UTF-8 continuation. */
    private static boolean counts(int e, int b) {
        return e == TEXT && b != '"' && (b & 0xC0) != 0x80;
    }

    @Override
    long start() {
        return pack(dfa.start(), PRE, 0);
    }

    @Override
    long step(long state, int b) {
        int nq = dfa.step(q(state), b);
        if (nq < 0) {
            return -1;
        }
        int e = e(state);
        long n = n(state) + (counts(e, b) ? 1 : 0);
        int ne = track(e, b);
        if (n > max || !alive(nq, ne, n)) {
            return -1;
        }
        return pack(nq, ne, ne == DONE ? 0 : n);
    }

    /** Some completion from (q, e) has l more characters with min <= n + l <= max. */
    private boolean alive(int q, int e, long n) {
        BitSet b = lengths[q * TRACKERS + e];
        if (b == null) {
            return false;
        }
        int need = (int) Math.max(0, min - n);
        if (max == Long.MAX_VALUE) {
            return b.nextSetBit(Math.min(need, levels - 1)) >= 0;
        }
        int next = b.nextSetBit(need);
        return next >= 0 && next <= max - n;
    }

    @Override
    boolean accepting(long state) {
        return dfa.accepting(q(state));
    }

    @Override
    boolean hasByteEdges(long state) {
        return dfa.hasByteEdges(q(state));
    }

    /**
     * Completion lengths for every reachable (state, tracker), level by level: level l holds the pairs
     * that can finish with exactly l more characters (up to the maximum, or far enough past the
     * minimum that any longer completion implies a shorter one above it).
     */
    private BitSet[] computeLengths() {
        int pairs = dfa.stateCount() * TRACKERS;
        IntList[] reverse = new IntList[pairs];
        boolean[] reachable = new boolean[pairs];
        IntList queue = new IntList();
        int startPair = dfa.start() * TRACKERS + PRE;
        reachable[startPair] = true;
        queue.add(startPair);
        for (int i = 0; i < queue.size(); i++) {
            int p = queue.get(i);
            int q = p / TRACKERS;
            int e = p % TRACKERS;
            for (int c = 0; c < dfa.classCount(); c++) {
                int t = dfa.nextByClass(q, c);
                if (t < 0) {
                    continue;
                }
                for (int b = dfa.classLo(c); b <= dfa.classHi(c); b++) {
                    int tp = t * TRACKERS + track(e, b);
                    int inc = counts(e, b) ? 1 : 0;
                    if (reverse[tp] == null) {
                        reverse[tp] = new IntList(4);
                    }
                    reverse[tp].add(p * 2 + inc);
                    if (!reachable[tp]) {
                        reachable[tp] = true;
                        queue.add(tp);
                    }
                }
            }
        }
        BitSet[] out = new BitSet[pairs];
        boolean[] current = new boolean[pairs];
        for (int p = 0; p < pairs; p++) {
            current[p] = reachable[p] && dfa.accepting(p / TRACKERS);
        }
        for (int level = 0; level < levels; level++) {
            closeOverZeroCount(current, reverse);
            boolean any = false;
            boolean[] next = new boolean[pairs];
            for (int p = 0; p < pairs; p++) {
                if (!current[p]) {
                    continue;
                }
                any = true;
                if (out[p] == null) {
                    out[p] = new BitSet();
                }
                out[p].set(level);
                if (reverse[p] != null) {
                    for (int k = 0; k < reverse[p].size(); k++) {
                        int v = reverse[p].get(k);
                        if ((v & 1) == 1) {
                            next[v >> 1] = true;
                        }
                    }
                }
            }
            if (!any) {
                break;
            }
            current = next;
        }
        return out;
    }

    private static void closeOverZeroCount(boolean[] set, IntList[] reverse) {
        IntList stack = new IntList();
        for (int p = 0; p < set.length; p++) {
            if (set[p]) {
                stack.add(p);
            }
        }
        while (!stack.isEmpty()) {
            int p = stack.get(stack.size() - 1);
            stack.truncate(stack.size() - 1);
            if (reverse[p] == null) {
                continue;
            }
            for (int k = 0; k < reverse[p].size(); k++) {
                int v = reverse[p].get(k);
                if ((v & 1) == 0 && !set[v >> 1]) {
                    set[v >> 1] = true;
                    stack.add(v >> 1);
                }
            }
        }
    }

    @Override
    MaskEntry entry(long state, TokenIndex index) {
        int q = q(state);
        int e = e(state);
        long n = n(state);
        int nKey = (int) Math.min(n, min);
        long remKey = max == Long.MAX_VALUE ? -1 : Math.min(max - n, remCap(index, nKey));
        long key = (remKey << 44) ^ ((long) nKey << 24) ^ ((long) e << 20) ^ q;
        MaskEntry entry = entries.get(key);
        if (entry == null) {
            long representative = remKey < 0 ? nKey : Math.max(max - remKey, nKey);
            entry = EntryBuilder.forRule(this, pack(q, e, representative), index);
            MaskEntry prev = entries.putIfAbsent(key, entry);
            if (prev != null) {
                entry = prev;
            }
        }
        return entry;
    }

    /**
     * Beyond this many characters left, more budget changes nothing within one token: the longest
     * token plus the longest shortest-completion for the characters still required.
     */
    private int remCap(TokenIndex index, int nKey) {
        return remCaps.computeIfAbsent(nKey, k -> {
            int need = min - k;
            int worst = 0;
            for (BitSet b : lengths) {
                if (b != null) {
                    int first = b.nextSetBit(need);
                    worst = Math.max(worst, first);
                }
            }
            return index.trie().maxDepth + worst + 1;
        });
    }

    @Override
    long estimatedBytes() {
        long b = 96 + dfa.estimatedBytes() + 16L * lengths.length;
        for (BitSet s : lengths) {
            b += s == null ? 0 : 24 + s.size() / 8;
        }
        for (MaskEntry e : entries.values()) {
            b += 48 + e.estimatedBytes(true);
        }
        return b;
    }
}
