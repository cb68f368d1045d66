package dev.gantry.constraints.engine;

import dev.gantry.constraints.automaton.Dfa;
import java.util.concurrent.atomic.AtomicReferenceArray;

/** A rule whose body is a deterministic byte automaton, possibly with edges that push other rules. */
public final class DfaRule extends Rule {
    final Dfa dfa;
    private Rule[] symbolRules;
    private final boolean[] eventful;
    private final AtomicReferenceArray<MaskEntry> entries;

    public DfaRule(String name, Dfa dfa) {
        super(name);
        this.dfa = dfa;
        this.entries = new AtomicReferenceArray<>(dfa.stateCount());
        this.eventful = new boolean[dfa.stateCount()];
        for (int s = 0; s < dfa.stateCount(); s++) {
            eventful[s] = dfa.accepting(s) || dfa.refs(s).length > 0;
        }
        this.symbolRules = new Rule[dfa.symbols().size()];
    }

    /** Resolves the automaton's reference symbols (in {@link Dfa#symbols()} order) to rules. */
    public void bind(Rule[] rules) {
        if (rules.length != dfa.symbols().size()) {
            throw new IllegalArgumentException("expected " + dfa.symbols().size() + " rules");
        }
        this.symbolRules = rules.clone();
    }

    public Dfa dfa() {
        return dfa;
    }

    @Override
    long start() {
        return dfa.start();
    }

    @Override
    long step(long state, int b) {
        return dfa.step((int) state, b);
    }

    @Override
    boolean accepting(long state) {
        return dfa.accepting((int) state);
    }

    @Override
    boolean hasByteEdges(long state) {
        return dfa.hasByteEdges((int) state);
    }

    @Override
    boolean hasRefs() {
        return symbolRules.length > 0;
    }

    @Override
    int refCount(long state) {
        return dfa.refs((int) state).length >> 1;
    }

    @Override
    Rule refRule(long state, int i) {
        return symbolRules[dfa.refs((int) state)[2 * i]];
    }

    @Override
    long refTarget(long state, int i) {
        return dfa.refs((int) state)[2 * i + 1];
    }

    boolean[] eventfulStates() {
        return eventful;
    }

    @Override
    MaskEntry entry(long state, TokenIndex index) {
        int s = (int) state;
        MaskEntry e = entries.get(s);
        if (e == null) {
            e = EntryBuilder.forDfaRule(this, s, index);
            if (!entries.compareAndSet(s, null, e)) {
                e = entries.get(s);
            }
        }
        return e;
    }

    @Override
    long estimatedBytes() {
        long b = 64 + dfa.estimatedBytes() + 16 + 4L * entries.length();
        for (int s = 0; s < entries.length(); s++) {
            MaskEntry e = entries.get(s);
            if (e != null) {
                b += e.estimatedBytes(true);
            }
        }
        return b;
    }
}
