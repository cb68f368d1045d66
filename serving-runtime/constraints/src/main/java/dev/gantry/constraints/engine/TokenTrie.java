package dev.gantry.constraints.engine;

import dev.gantry.constraints.Vocabulary;
import dev.gantry.constraints.automaton.IntList;
import java.util.Arrays;

/**
 * The vocabulary's tokens as a byte trie in depth-first order, in flat arrays: node {@code i}'s
 * subtree is {@code [i, end[i])}, so a walk that finds a dead byte skips the whole subtree at once.
 * Node 0 is the root; special and empty tokens are left out.
 */
public final class TokenTrie {
    final byte[] label;
    final int[] depth;
    final int[] end;
    /** First token id ending at the node, or -1; more ids with the same bytes chain through {@code nextSame}. */
    final int[] firstToken;

    final int[] nextSame;
    /** Number of tokens at nodes before i (subtree token count: tokensBefore[end[i]] - tokensBefore[i]). */
    final int[] tokensBefore;

    final int maxDepth;
    final int nodes;

    TokenTrie(Vocabulary vocab) {
        Integer[] ids = eligibleIds(vocab);
        Arrays.sort(ids, (a, b) -> Arrays.compareUnsigned(vocab.tokenBytesUnsafe(a), vocab.tokenBytesUnsafe(b)));
        IntList lab = new IntList(ids.length * 3);
        IntList dep = new IntList(ids.length * 3);
        IntList first = new IntList(ids.length * 3);
        nextSame = new int[vocab.size()];
        Arrays.fill(nextSame, -1);
        lab.add(0);
        dep.add(0);
        first.add(-1);
        int maxLen = 0;
        for (Integer id : ids) {
            maxLen = Math.max(maxLen, vocab.tokenBytesUnsafe(id).length);
        }
        byte[] prev = new byte[0];
        IntList endFix = new IntList(ids.length * 3);
        endFix.add(0);
        int openDepth = 0;
        int[] openNode = new int[maxLen + 1];
        for (Integer id : ids) {
            byte[] t = vocab.tokenBytesUnsafe(id);
            int lcp = commonPrefix(prev, t);
            // close the nodes below the common prefix
            for (int d = openDepth; d > lcp; d--) {
                endFix.set(openNode[d], lab.size());
            }
            openDepth = lcp;
            for (int d = lcp + 1; d <= t.length; d++) {
                int node = lab.size();
                lab.add(t[d - 1] & 0xFF);
                dep.add(d);
                first.add(-1);
                endFix.add(0);
                openNode[d] = node;
                openDepth = d;
            }
            int node = openNode[t.length];
            if (first.get(node) < 0) {
                first.set(node, id);
            } else {
                int last = first.get(node);
                while (nextSame[last] >= 0) {
                    last = nextSame[last];
                }
                nextSame[last] = id;
            }
            prev = t;
        }
        for (int d = openDepth; d >= 1; d--) {
            endFix.set(openNode[d], lab.size());
        }
        nodes = lab.size();
        endFix.set(0, nodes);
        label = new byte[nodes];
        depth = new int[nodes];
        for (int i = 0; i < nodes; i++) {
            label[i] = (byte) lab.get(i);
            depth[i] = dep.get(i);
        }
        end = endFix.toArray();
        firstToken = first.toArray();
        maxDepth = maxLen;
        tokensBefore = new int[nodes + 1];
        for (int i = 0; i < nodes; i++) {
            int k = 0;
            for (int t = firstToken[i]; t >= 0; t = nextSame[t]) {
                k++;
            }
            tokensBefore[i + 1] = tokensBefore[i] + k;
        }
    }

    int tokensIn(int node) {
        return tokensBefore[end[node]] - tokensBefore[node];
    }

    private static Integer[] eligibleIds(Vocabulary vocab) {
        IntList ids = new IntList(vocab.tokenCount());
        for (int id = 0; id < vocab.tokenCount(); id++) {
            if (!vocab.isExcluded(id) && vocab.tokenBytesUnsafe(id).length > 0) {
                ids.add(id);
            }
        }
        Integer[] boxed = new Integer[ids.size()];
        for (int i = 0; i < boxed.length; i++) {
            boxed[i] = ids.get(i);
        }
        return boxed;
    }

    private static int commonPrefix(byte[] a, byte[] b) {
        int n = Math.min(a.length, b.length);
        int i = 0;
        while (i < n && a[i] == b[i]) {
            i++;
        }
        return i;
    }

    public int nodeCount() {
        return nodes;
    }

    /** The longest token, in bytes. */
    public int maxDepth() {
        return maxDepth;
    }

    long estimatedBytes() {
        return nodes * (1L + 4 + 4 + 4) + 4L * nextSame.length;
    }
}
