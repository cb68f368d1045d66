package dev.gantry.constraints.engine;

import dev.gantry.constraints.automaton.Dfa;
import dev.gantry.constraints.automaton.IntList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Computes a {@link MaskEntry} by walking the vocabulary trie against one rule's automaton: a dead byte
 * prunes its whole subtree; a token read to its end inside the rule is accepted outright; a token that
 * dies after passing a state where the rule could end or push another rule is kept, as its tail from
 * that state, for resolution against the real stack.
 */
final class EntryBuilder {
    private EntryBuilder() {}

    static MaskEntry forDfaRule(DfaRule rule, int state, TokenIndex index) {
        TokenTrie trie = index.trie();
        Dfa dfa = rule.dfa;
        int[] stateAt = new int[trie.maxDepth + 1];
        int[] eventAt = new int[trie.maxDepth + 1];
        stateAt[0] = state;
        int[] bits = new int[(index.vocabSize() + 31) >>> 5];
        int count = 0;
        Tails tails = new Tails(index);
        byte[] label = trie.label;
        int[] depth = trie.depth;
        int[] end = trie.end;
        int[] first = trie.firstToken;
        int n = trie.nodes;
        int[] next = dfa.transitionTable();
        int[] classOf = dfa.classMap();
        int classes = dfa.classCount();
        boolean[] eventful = rule.eventfulStates();
        int[] nextSame = trie.nextSame;
        int i = 1;
        while (i < n) {
            int d = depth[i];
            int ns = next[stateAt[d - 1] * classes + classOf[label[i] & 0xFF]];
            if (ns < 0) {
                int e = eventAt[d - 1];
                if (e > 0) {
                    tails.addSubtree(trie, i, e, stateAt[e]);
                }
                i = end[i];
                continue;
            }
            stateAt[d] = ns;
            int parentEvent = eventAt[d - 1];
            eventAt[d] = parentEvent > 0 ? parentEvent : (eventful[ns] ? d : 0);
            for (int t = first[i]; t >= 0; t = nextSame[t]) {
                bits[t >>> 5] |= 1 << (t & 31);
                count++;
            }
            i++;
        }
        return new MaskEntry(accepted(index, bits, count), tails.groups());
    }

    /** The accepted set, shared with identical sets of other states when it is a large one. */
    static TokenSet accepted(TokenIndex index, int[] bits, int count) {
        TokenSet set = TokenSet.ofBits(bits, count);
        return set.isDense() ? index.dedupe(set, new BitsKey(bits)) : set;
    }

    /** Content key of a bitmap. */
    record BitsKey(int[] bits, int hash) {
        BitsKey(int[] bits) {
            this(bits, java.util.Arrays.hashCode(bits));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof BitsKey k && k.hash == hash && java.util.Arrays.equals(k.bits, bits);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** The same walk for any rule, through its generic step function (bounded lexemes). */
    static MaskEntry forRule(Rule rule, long state, TokenIndex index) {
        TokenTrie trie = index.trie();
        long[] stateAt = new long[trie.maxDepth + 1];
        int[] eventAt = new int[trie.maxDepth + 1];
        stateAt[0] = state;
        int[] bits = new int[(index.vocabSize() + 31) >>> 5];
        int count = 0;
        Tails tails = new Tails(index);
        int i = 1;
        while (i < trie.nodes) {
            int d = trie.depth[i];
            long ns = rule.step(stateAt[d - 1], trie.label[i] & 0xFF);
            if (ns < 0) {
                int e = eventAt[d - 1];
                if (e > 0) {
                    tails.addSubtree(trie, i, e, stateAt[e]);
                }
                i = trie.end[i];
                continue;
            }
            stateAt[d] = ns;
            boolean eventful = rule.accepting(ns) || rule.refCount(ns) > 0;
            eventAt[d] = eventAt[d - 1] > 0 ? eventAt[d - 1] : (eventful ? d : 0);
            for (int t = trie.firstToken[i]; t >= 0; t = trie.nextSame[t]) {
                bits[t >>> 5] |= 1 << (t & 31);
                count++;
            }
            i++;
        }
        return new MaskEntry(accepted(index, bits, count), tails.groups());
    }

    /** Collects token tails per event state. */
    static final class Tails {
        /** Above this many crossing tokens for one event state, tails stay in the vocabulary trie. */
        static int maxTailTrie = 4096;

        private final TokenIndex index;
        private final Map<Long, IntList> roots = new TreeMap<>();
        private final Map<Long, List<long[]>> single = new TreeMap<>();
        private final Map<Long, Integer> counts = new TreeMap<>();

        Tails(TokenIndex index) {
            this.index = index;
        }

        void addSubtree(TokenTrie trie, int from, int offset, long eventState) {
            IntList list = roots.computeIfAbsent(eventState, k -> new IntList());
            list.add(from);
            list.add(offset);
            counts.merge(eventState, trie.tokensIn(from), Integer::sum);
        }

        void add(int token, int offset, long eventState) {
            single.computeIfAbsent(eventState, k -> new ArrayList<>()).add(new long[] {token, offset});
            counts.merge(eventState, 1, Integer::sum);
        }

        MaskEntry.Group[] groups() {
            MaskEntry.Group[] out = new MaskEntry.Group[counts.size()];
            int g = 0;
            TokenTrie trie = index.trie();
            for (Map.Entry<Long, Integer> e : counts.entrySet()) {
                long state = e.getKey();
                IntList r = roots.get(state);
                if (e.getValue() > maxTailTrie && !single.containsKey(state)) {
                    out[g++] = new MaskEntry.Group(state, null, r.toArray());
                    continue;
                }
                List<long[]> list = new ArrayList<>(single.getOrDefault(state, List.of()));
                for (int k = 0; r != null && k < r.size(); k += 2) {
                    int from = r.get(k);
                    for (int j = from; j < trie.end[from]; j++) {
                        for (int t = trie.firstToken[j]; t >= 0; t = trie.nextSame[t]) {
                            list.add(new long[] {t, r.get(k + 1)});
                        }
                    }
                }
                byte[][] tails = new byte[list.size()][];
                int[] ids = new int[list.size()];
                for (int k = 0; k < list.size(); k++) {
                    int token = (int) list.get(k)[0];
                    int offset = (int) list.get(k)[1];
                    byte[] bytes = index.vocabulary().tokenBytesUnsafe(token);
                    tails[k] = java.util.Arrays.copyOfRange(bytes, offset, bytes.length);
                    ids[k] = token;
                }
                SuffixTrie tailTrie = SuffixTrie.build(tails, ids);
                out[g++] = new MaskEntry.Group(state, index.dedupe(tailTrie, tailTrie.contentKey()), null);
            }
            return out;
        }
    }
}
