package dev.gantry.constraints.engine;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A lexeme preceded by optional whitespace (the JSON emitter moves whitespace in front of a value
 * into the value's rule). It wraps the lexeme instead of copying it into a larger automaton, so that
 * once past the whitespace every state, and its cached token masks, is the lexeme's own.
 */
public final class LeadingWsRule extends Rule {
    private static final long WS = 1L << 62;

    private final Rule inner;
    private final int maxRun;
    private final AtomicReferenceArray<MaskEntry> entries;

    /** @param maxRun the longest whitespace run, or -1 for any length */
    public LeadingWsRule(String name, Rule inner, int maxRun) {
        super(name);
        if (inner.refCount(inner.start()) > 0) {
            throw new IllegalArgumentException("the wrapped rule must be a lexeme");
        }
        this.inner = inner;
        this.maxRun = maxRun;
        this.entries = new AtomicReferenceArray<>(maxRun < 0 ? 1 : maxRun + 1);
    }

    private static boolean isWs(int b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r';
    }

    @Override
    long start() {
        return WS;
    }

    @Override
    long step(long state, int b) {
        if ((state & WS) == 0) {
            return inner.step(state, b);
        }
        int run = (int) (state & ~WS);
        if (isWs(b) && (maxRun < 0 || run < maxRun)) {
            return WS | (maxRun < 0 ? 0 : run + 1);
        }
        return inner.step(inner.start(), b);
    }

    @Override
    boolean accepting(long state) {
        return inner.accepting((state & WS) == 0 ? state : inner.start());
    }

    @Override
    boolean hasByteEdges(long state) {
        return (state & WS) != 0 || inner.hasByteEdges(state);
    }

    @Override
    MaskEntry entry(long state, TokenIndex index) {
        if ((state & WS) == 0) {
            return inner.entry(state, index);
        }
        int run = (int) (state & ~WS);
        MaskEntry e = entries.get(run);
        if (e == null) {
            e = EntryBuilder.forRule(this, state, index);
            if (!entries.compareAndSet(run, null, e)) {
                e = entries.get(run);
            }
        }
        return e;
    }

    @Override
    long estimatedBytes() {
        long b = 64;
        for (int i = 0; i < entries.length(); i++) {
            MaskEntry e = entries.get(i);
            if (e != null) {
                b += e.estimatedBytes(true);
            }
        }
        return b;
    }

    Rule inner() {
        return inner;
    }
}
