package dev.gantry.constraints.engine;

import dev.gantry.constraints.automaton.Dfa;
import dev.gantry.constraints.automaton.IntList;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How every token reads from one state of the free JSON string automaton, counted in characters:
 * tokens that stay inside the string (and how many characters they add), tokens that end with the
 * closing quote, and tokens that run past it. One trie walk per state and vocabulary; every
 * length-bounded string rule derives its masks from it without walking the trie again.
 */
final class StringProfile {
    final int[] insideIds;
    final int[] insideChars;
    final int maxInsideChars;
    final TokenSet insideAll;
    final int[] closedIds;
    final int[] closedChars;
    final int[] crossingIds;
    final int[] crossingChars;
    final int[] crossingOffset;
    final int maxCrossingChars;
    private volatile MaskEntry.Group[] allCrossing;
    private final int vocabSize;
    private final ConcurrentHashMap<Integer, int[]> overBudget = new ConcurrentHashMap<>();

    private StringProfile(TokenIndex index, Lists l) {
        this.vocabSize = index.vocabSize();
        int[] order = l.insideIds.toArray();
        int[] chars = l.insideChars.toArray();
        sortByFirst(order, chars);
        this.insideIds = order;
        this.insideChars = chars;
        int max = 0;
        for (int c : chars) {
            max = Math.max(max, c);
        }
        this.maxInsideChars = max;
        this.insideAll = TokenSet.of(l.insideIds, vocabSize);
        this.closedIds = l.closedIds.toArray();
        this.closedChars = l.closedChars.toArray();
        this.crossingIds = l.crossingIds.toArray();
        this.crossingChars = l.crossingChars.toArray();
        this.crossingOffset = l.crossingOffset.toArray();
        int mc = 0;
        for (int c : crossingChars) {
            mc = Math.max(mc, c);
        }
        this.maxCrossingChars = mc;
    }

    /** The crossing-token groups when every crossing token qualifies (shared by all such entries). */
    MaskEntry.Group[] allCrossing(java.util.function.Supplier<MaskEntry.Group[]> build) {
        MaskEntry.Group[] g = allCrossing;
        if (g == null) {
            g = build.get();
            allCrossing = g;
        }
        return g;
    }

    private static final class Lists {
        final IntList insideIds = new IntList();
        final IntList insideChars = new IntList();
        final IntList closedIds = new IntList();
        final IntList closedChars = new IntList();
        final IntList crossingIds = new IntList();
        final IntList crossingChars = new IntList();
        final IntList crossingOffset = new IntList();
    }

    /** Walks the trie from state {@code q}; {@code inside} is the state after the opening quote. */
    static StringProfile compute(TokenIndex index, Dfa dfa, int q, int inside) {
        TokenTrie trie = index.trie();
        int[] stateAt = new int[trie.maxDepth + 1];
        int[] charsAt = new int[trie.maxDepth + 1];
        stateAt[0] = q;
        Lists l = new Lists();
        int i = 1;
        while (i < trie.nodes) {
            int d = trie.depth[i];
            int ps = stateAt[d - 1];
            int b = trie.label[i] & 0xFF;
            int ns = dfa.step(ps, b);
            if (ns < 0) {
                if (dfa.accepting(ps)) {
                    addSubtree(trie, i, d - 1, charsAt[d - 1], l);
                }
                i = trie.end[i];
                continue;
            }
            stateAt[d] = ns;
            charsAt[d] = charsAt[d - 1] + (ps == inside && b != '"' ? 1 : 0);
            for (int t = trie.firstToken[i]; t >= 0; t = trie.nextSame[t]) {
                if (dfa.accepting(ns)) {
                    l.closedIds.add(t);
                    l.closedChars.add(charsAt[d]);
                } else {
                    l.insideIds.add(t);
                    l.insideChars.add(charsAt[d]);
                }
            }
            i++;
        }
        return new StringProfile(index, l);
    }

    private static void addSubtree(TokenTrie trie, int from, int offset, int chars, Lists l) {
        for (int j = from; j < trie.end[from]; j++) {
            for (int t = trie.firstToken[j]; t >= 0; t = trie.nextSame[t]) {
                l.crossingIds.add(t);
                l.crossingChars.add(chars);
                l.crossingOffset.add(offset);
            }
        }
    }

    /** Inside tokens that need more than {@code budget} characters, sorted by id (cached). */
    int[] insideOver(int budget) {
        return overBudget.computeIfAbsent(budget, b -> {
            IntList over = new IntList();
            for (int k = 0; k < insideIds.length; k++) {
                if (insideChars[k] > b) {
                    over.add(insideIds[k]);
                }
            }
            return over.toArray();
        });
    }

    /** Inside tokens that fit in {@code budget} characters, as a set. */
    TokenSet insideWithin(int budget, int[] extraSorted) {
        if (budget >= maxInsideChars) {
            return insideAll.isDense()
                    ? TokenSet.derived(insideAll, new int[0], extraSorted)
                    : union(insideAll, extraSorted);
        }
        int[] over = insideOver(budget);
        if (insideAll.isDense() && insideIds.length - over.length > (vocabSize >>> 5)) {
            return TokenSet.derived(insideAll, over, extraSorted);
        }
        IntList ids = new IntList();
        for (int k = 0; k < insideIds.length; k++) {
            if (insideChars[k] <= budget) {
                ids.add(insideIds[k]);
            }
        }
        for (int id : extraSorted) {
            ids.add(id);
        }
        return TokenSet.of(ids, vocabSize);
    }

    private TokenSet union(TokenSet set, int[] extra) {
        IntList ids = new IntList();
        for (int id : set.toArray()) {
            ids.add(id);
        }
        for (int id : extra) {
            ids.add(id);
        }
        return TokenSet.of(ids, vocabSize);
    }

    private static void sortByFirst(int[] a, int[] b) {
        long[] packed = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            packed[i] = ((long) a[i] << 32) | (b[i] & 0xFFFFFFFFL);
        }
        java.util.Arrays.sort(packed);
        for (int i = 0; i < a.length; i++) {
            a[i] = (int) (packed[i] >>> 32);
            b[i] = (int) packed[i];
        }
    }

    long estimatedBytes() {
        long b = 128 + 8L * insideIds.length + insideAll.ownBytes(true);
        b += 8L * closedIds.length + 12L * crossingIds.length;
        for (int[] o : overBudget.values()) {
            b += 16 + 4L * o.length;
        }
        return b;
    }
}
