package dev.gantry.constraints.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The per-sequence state of a constrained generation: which tokens may come next (as a bitmask),
 * advancing by a token, completion, and rollback. Not thread-safe: one per sequence.
 */
public final class TokenMatcher {
    private static final Configuration STOPPED = new Configuration(new Frame[0], true);

    private final CompiledGrammar grammar;
    private final Pda pda;
    private final List<Configuration> history = new ArrayList<>();
    private Configuration current;

    TokenMatcher(CompiledGrammar grammar) {
        this.grammar = grammar;
        this.pda = new Pda(grammar.maxStacks);
        this.current = grammar.initial();
        history.add(current);
    }

    public int vocabSize() {
        return grammar.index.vocabSize();
    }

    /**
     * Writes the mask into {@code words[offset .. offset + ceil(vocabSize / 32))}: bit {@code t & 31}
     * of word {@code t >>> 5} is set exactly when token {@code t} may come next.
     */
    public void fillMask(int[] words, int offset) {
        int n = (vocabSize() + 31) >>> 5;
        Arrays.fill(words, offset, offset + n, 0);
        if (current != STOPPED) {
            for (Frame top : current.tops) {
                MaskEntry entry = top.rule.entry(top.state, grammar.index);
                entry.accepted.orInto(words, offset);
                if (entry.hasGroups()) {
                    grammar.resolver.resolve(entry, top).orInto(words, offset);
                }
            }
        }
        if (current.complete) {
            for (int e : grammar.eos) {
                words[offset + (e >>> 5)] |= 1 << (e & 31);
            }
        }
    }

    /** Advances by one token; false (and no change) when the token is not allowed here. */
    public boolean accept(int token) {
        if (current == STOPPED) {
            return false;
        }
        if (isEos(token)) {
            if (!current.complete) {
                return false;
            }
            push(STOPPED);
            return true;
        }
        if (grammar.index.vocabulary().isExcluded(token)) {
            return false;
        }
        byte[] bytes = grammar.index.vocabulary().tokenBytesUnsafe(token);
        if (bytes.length == 0) {
            return false;
        }
        Configuration next = pda.scan(current, bytes, 0);
        if (next.isDead()) {
            return false;
        }
        push(next);
        return true;
    }

    /** Advances by raw bytes (text forced into the output); false and no change if they do not fit. */
    public boolean acceptBytes(byte[] bytes) {
        if (current == STOPPED) {
            return false;
        }
        Configuration next = pda.scan(current, bytes, 0);
        if (next.isDead()) {
            return false;
        }
        push(next);
        return true;
    }

    private boolean isEos(int token) {
        for (int e : grammar.eos) {
            if (e == token) {
                return true;
            }
        }
        return false;
    }

    private void push(Configuration next) {
        history.add(next);
        current = next;
    }

    /** The output so far is a complete match: the end-of-sequence token is allowed. */
    public boolean isComplete() {
        return current.complete;
    }

    /** Complete and nothing but end-of-sequence can follow (or end-of-sequence was accepted). */
    public boolean isTerminated() {
        return current.isTerminated();
    }

    /** End-of-sequence was accepted. */
    public boolean isStopped() {
        return current == STOPPED;
    }

    /** Number of steps (tokens, or byte chunks) accepted so far. */
    public int acceptedCount() {
        return history.size() - 1;
    }

    /** Undoes the last {@code n} accepted steps (for speculative decoding). */
    public void rollback(int n) {
        if (n < 0 || n > acceptedCount()) {
            throw new IllegalArgumentException("cannot roll back " + n + " of " + acceptedCount() + " steps");
        }
        for (int i = 0; i < n; i++) {
            history.remove(history.size() - 1);
        }
        current = history.get(history.size() - 1);
    }

    /**
     * The shortest bytes that complete the output from here (empty when already complete), or null when
     * none exists within {@code maxBytes}. Meant for finishing an output gracefully near a length
     * limit, not for the per-token hot path.
     */
    public byte[] shortestCompletion(int maxBytes) {
        if (current.complete || current == STOPPED) {
            return new byte[0];
        }
        Completion completion = grammar.completion();
        Frame best = null;
        long bestCost = Completion.INF;
        for (Frame top : current.tops) {
            long cost = 0;
            for (Frame f = top; f != null && cost < Completion.INF; f = f.parent) {
                cost += completion.cost(f.rule, f.state);
            }
            if (cost < bestCost) {
                bestCost = cost;
                best = top;
            }
        }
        if (best == null || bestCost > maxBytes) {
            return null;
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (Frame f = best; f != null; f = f.parent) {
            completion.emit(f.rule, f.state, out);
        }
        return out.toByteArray();
    }

    /** Forgets the history (rollback beyond this point becomes impossible); saves memory on long outputs. */
    public void commit() {
        history.clear();
        history.add(current);
    }
}
