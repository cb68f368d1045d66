package dev.gantry.constraints.engine;

import dev.gantry.constraints.automaton.IntList;
import java.util.Arrays;

/**
 * The tails of the tokens that cross a rule boundary, as a small depth-first trie: resolving them
 * against a concrete parse stack walks shared tails once.
 */
final class SuffixTrie {
    final byte[] label;
    final int[] depth;
    final int[] end;
    /** Tokens whose tail ends at node i: {@code tokens[tokenStart[i] .. tokenStart[i + 1])}. */
    final int[] tokenStart;

    final int[] tokens;

    private SuffixTrie(byte[] label, int[] depth, int[] end, int[] tokenStart, int[] tokens) {
        this.label = label;
        this.depth = depth;
        this.end = end;
        this.tokenStart = tokenStart;
        this.tokens = tokens;
    }

    int nodes() {
        return label.length;
    }

    /** Builds the trie of {@code tails[i]} (never empty) for token {@code ids[i]}. */
    static SuffixTrie build(byte[][] tails, int[] ids) {
        Integer[] order = new Integer[tails.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Arrays.compareUnsigned(tails[a], tails[b]));
        IntList lab = new IntList();
        IntList dep = new IntList();
        IntList endFix = new IntList();
        IntList nodeOfToken = new IntList();
        lab.add(0);
        dep.add(0);
        endFix.add(0);
        int maxLen = 0;
        for (byte[] t : tails) {
            maxLen = Math.max(maxLen, t.length);
        }
        int[] open = new int[maxLen + 1];
        int openDepth = 0;
        byte[] prev = new byte[0];
        for (Integer k : order) {
            byte[] t = tails[k];
            int lcp = 0;
            while (lcp < Math.min(prev.length, t.length) && prev[lcp] == t[lcp]) {
                lcp++;
            }
            for (int d = openDepth; d > lcp; d--) {
                endFix.set(open[d], lab.size());
            }
            openDepth = lcp;
            for (int d = lcp + 1; d <= t.length; d++) {
                open[d] = lab.size();
                lab.add(t[d - 1] & 0xFF);
                dep.add(d);
                endFix.add(0);
                openDepth = d;
            }
            nodeOfToken.add(open[t.length]);
            prev = t;
        }
        for (int d = openDepth; d >= 1; d--) {
            endFix.set(open[d], lab.size());
        }
        int n = lab.size();
        endFix.set(0, n);
        int[] start = new int[n + 1];
        for (int i = 0; i < nodeOfToken.size(); i++) {
            start[nodeOfToken.get(i) + 1]++;
        }
        for (int i = 0; i < n; i++) {
            start[i + 1] += start[i];
        }
        int[] fill = Arrays.copyOf(start, n);
        int[] toks = new int[nodeOfToken.size()];
        for (int i = 0; i < order.length; i++) {
            toks[fill[nodeOfToken.get(i)]++] = ids[order[i]];
        }
        byte[] label = new byte[n];
        int[] depth = new int[n];
        for (int i = 0; i < n; i++) {
            label[i] = (byte) lab.get(i);
            depth[i] = dep.get(i);
        }
        return new SuffixTrie(label, depth, endFix.toArray(), start, toks);
    }

    /** A key equal for tries with the same content. */
    Object contentKey() {
        return java.util.List.of(
                new EntryBuilder.BitsKey(tokens),
                new EntryBuilder.BitsKey(depth),
                new EntryBuilder.BitsKey(tokenStart),
                java.nio.ByteBuffer.wrap(label));
    }

    long estimatedBytes() {
        return 64 + label.length * 13L + 4L * tokens.length;
    }
}
