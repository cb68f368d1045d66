package dev.gantry.constraints.engine;

import java.util.concurrent.atomic.AtomicLong;

/**
 * One rule of a compiled grammar as the pushdown matcher runs it: a byte automaton whose states may
 * also push other rules. Rules are immutable once bound and carry their own lazily filled token-mask
 * caches, so they are shared freely between threads and between constraints.
 */
public abstract class Rule {
    private static final AtomicLong UIDS = new AtomicLong();

    final long uid = UIDS.incrementAndGet();
    final String name;
    /** Interned in a {@link TokenIndex}: shared by every constraint of the vocabulary. */
    volatile boolean shared;

    protected Rule(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** A process-wide unique id (for cache keys). */
    public long uid() {
        return uid;
    }

    abstract long start();

    /** The state after byte {@code b}, or -1 when the rule cannot read it here. */
    abstract long step(long state, int b);

    /** The rule may end here (the parent resumes). */
    abstract boolean accepting(long state);

    abstract boolean hasByteEdges(long state);

    /** Whether any state of the rule references another rule (false for lexemes). */
    boolean hasRefs() {
        return false;
    }

    /** Number of rule references that may start here. */
    int refCount(long state) {
        return 0;
    }

    Rule refRule(long state, int i) {
        throw new IndexOutOfBoundsException();
    }

    /** The state this rule resumes in after reference {@code i} completes. */
    long refTarget(long state, int i) {
        throw new IndexOutOfBoundsException();
    }

    /** The cached token classification for this state (computed on first use). */
    abstract MaskEntry entry(long state, TokenIndex index);

    /** Approximate heap bytes of the automaton and of the caches filled so far. */
    abstract long estimatedBytes();

    @Override
    public String toString() {
        return name;
    }
}
