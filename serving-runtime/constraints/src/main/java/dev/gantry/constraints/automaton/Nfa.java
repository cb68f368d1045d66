package dev.gantry.constraints.automaton;

import java.util.ArrayList;
import java.util.List;

/**
 * A nondeterministic automaton under construction: byte-range edges, epsilon edges and edges that
 * stand for a whole referenced rule (a symbol the pushdown matcher expands at run time).
 */
public final class Nfa {
    private final List<IntList> eps = new ArrayList<>();
    /** Per state: lo, hi, target triples. */
    private final List<IntList> bytes = new ArrayList<>();
    /** Per state: symbol, target pairs. */
    private final List<IntList> refs = new ArrayList<>();

    private final List<String> symbols = new ArrayList<>();
    private final CompileBudget budget;

    public Nfa(CompileBudget budget) {
        this.budget = budget;
    }

    public int newState() {
        eps.add(null);
        bytes.add(null);
        refs.add(null);
        int n = eps.size();
        if ((n & 0x3FF) == 0) {
            budget.checkStates(n, "the constraint");
            budget.checkNow();
        }
        return n - 1;
    }

    public int size() {
        return eps.size();
    }

    public void epsilon(int from, int to) {
        list(eps, from).add(to);
    }

    public void byteRange(int from, int lo, int hi, int to) {
        IntList l = list(bytes, from);
        l.add(lo);
        l.add(hi);
        l.add(to);
    }

    public void ref(int from, String rule, int to) {
        int sym = symbols.indexOf(rule);
        if (sym < 0) {
            sym = symbols.size();
            symbols.add(rule);
        }
        IntList l = list(refs, from);
        l.add(sym);
        l.add(to);
    }

    private static IntList list(List<IntList> lists, int state) {
        IntList l = lists.get(state);
        if (l == null) {
            l = new IntList(4);
            lists.set(state, l);
        }
        return l;
    }

    IntList eps(int state) {
        return eps.get(state);
    }

    IntList bytes(int state) {
        return bytes.get(state);
    }

    IntList refs(int state) {
        return refs.get(state);
    }

    List<String> symbols() {
        return symbols;
    }

    CompileBudget budget() {
        return budget;
    }
}
