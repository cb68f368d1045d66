package dev.gantry.constraints.engine;

import dev.gantry.constraints.automaton.IntList;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides which boundary-crossing tokens of a mask entry the actual stack accepts, by running the
 * pushdown matcher over their tails, and memoises the answer keyed by the part of the stack the run
 * looked at: in steady state a mask is a few cached bitmaps OR-ed together.
 */
final class Resolver {
    private static final int MAX_MEMO = 200_000;

    private final ConcurrentHashMap<MemoKey, TokenSet> memo = new ConcurrentHashMap<>();
    private final TokenIndex index;
    private final int maxStacks;

    Resolver(TokenIndex index, int maxStacks) {
        this.index = index;
        this.maxStacks = maxStacks;
    }

    TokenSet resolve(MaskEntry entry, Frame top) {
        int depth = entry.contextDepth;
        TokenSet cached = memo.get(MemoKey.of(entry, top.parent, depth));
        if (cached != null) {
            return cached;
        }
        Pda pda = new Pda(maxStacks);
        IntList accepted = new IntList();
        int minExposed = Integer.MAX_VALUE;
        for (MaskEntry.Group g : entry.groups) {
            if (top.parent == null && !top.rule.hasRefs()) {
                // a lexeme at the bottom of the stack: ending it ends the output, so no tail can follow
                // (and the tokens already failed to stay inside it)
                minExposed = -1;
                continue;
            }
            pda.minExposedDepth = Integer.MAX_VALUE;
            Configuration start = pda.expandOne(new Frame(top.rule, g.eventState(), top.parent));
            if (g.tails() != null) {
                walk(pda, start, g.tails(), accepted);
            } else {
                walkRoots(pda, start, g.roots(), accepted);
            }
            minExposed = Math.min(minExposed, pda.minExposedDepth);
        }
        int touched;
        if (minExposed == Integer.MAX_VALUE) {
            touched = 0;
        } else if (minExposed < 0) {
            touched = top.depth + 1;
        } else {
            touched = Math.max(0, top.depth - minExposed);
        }
        if (touched > depth) {
            entry.contextDepth = touched;
            depth = touched;
        }
        TokenSet result = TokenSet.of(accepted, index.vocabSize());
        if (memo.size() > MAX_MEMO) {
            memo.clear();
        }
        memo.put(MemoKey.of(entry, top.parent, depth), result);
        return result;
    }

    private static void walk(Pda pda, Configuration start, SuffixTrie trie, IntList accepted) {
        if (start.isDead()) {
            return;
        }
        Configuration[] at = new Configuration[maxDepth(trie) + 1];
        at[0] = start;
        int n = trie.nodes();
        int i = 1;
        while (i < n) {
            int d = trie.depth[i];
            Configuration c = pda.scan(at[d - 1], trie.label[i] & 0xFF);
            if (c.isDead()) {
                i = trie.end[i];
                continue;
            }
            at[d] = c;
            for (int k = trie.tokenStart[i]; k < trie.tokenStart[i + 1]; k++) {
                accepted.add(trie.tokens[k]);
            }
            i++;
        }
    }

    /** Walks the vocabulary-trie subtrees of a large group: path from the tail start, then the subtree. */
    private void walkRoots(Pda pda, Configuration start, int[] roots, IntList accepted) {
        if (start.isDead()) {
            return;
        }
        TokenTrie trie = index.trie();
        Configuration[] at = new Configuration[trie.maxDepth + 2];
        for (int k = 0; k < roots.length; k += 2) {
            int root = roots[k];
            int from = roots[k + 1];
            int rootDepth = trie.depth[root];
            byte[] path = index.vocabulary().tokenBytesUnsafe(firstTokenIn(trie, root));
            Configuration c = start;
            for (int d = from; d < rootDepth - 1 && !c.isDead(); d++) {
                c = pda.scan(c, path[d] & 0xFF);
            }
            if (c.isDead()) {
                continue;
            }
            at[rootDepth - 1] = c;
            for (int i = root; i < trie.end[root]; ) {
                int d = trie.depth[i];
                Configuration next = pda.scan(at[d - 1], trie.label[i] & 0xFF);
                if (next.isDead()) {
                    i = trie.end[i];
                    continue;
                }
                at[d] = next;
                for (int t = trie.firstToken[i]; t >= 0; t = trie.nextSame[t]) {
                    accepted.add(t);
                }
                i++;
            }
        }
    }

    private static int firstTokenIn(TokenTrie trie, int node) {
        for (int i = node; i < trie.end[node]; i++) {
            if (trie.firstToken[i] >= 0) {
                return trie.firstToken[i];
            }
        }
        throw new IllegalStateException("empty trie subtree");
    }

    private static int maxDepth(SuffixTrie trie) {
        int m = 0;
        for (int d : trie.depth) {
            m = Math.max(m, d);
        }
        return m;
    }

    int memoSize() {
        return memo.size();
    }

    long estimatedBytes() {
        long b = 64;
        for (var e : memo.entrySet()) {
            b += 96 + e.getValue().ownBytes(true);
        }
        return b;
    }
}
