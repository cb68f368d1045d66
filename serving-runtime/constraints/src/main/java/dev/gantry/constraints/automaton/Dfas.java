package dev.gantry.constraints.automaton;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Building automata from expressions, and the set operations on reference-free automata. */
public final class Dfas {
    private Dfas() {}

    private enum Op {
        AND,
        OR,
        MINUS
    }

    public static Dfa of(Expr e, CompileBudget budget) {
        Nfa nfa = new Nfa(budget);
        int start = nfa.newState();
        int fin = nfa.newState();
        new NfaBuilder(nfa).build(e, start, fin);
        return Determinizer.determinize(nfa, start, fin);
    }

    public static Dfa intersect(Dfa a, Dfa b, CompileBudget budget) {
        return product(a, b, Op.AND, budget);
    }

    public static Dfa union(Dfa a, Dfa b, CompileBudget budget) {
        return product(a, b, Op.OR, budget);
    }

    /** Strings of {@code a} that are not in {@code b}. */
    public static Dfa minus(Dfa a, Dfa b, CompileBudget budget) {
        return product(a, b, Op.MINUS, budget);
    }

    /** Strings accepted by exactly one of the automata. */
    public static Dfa exactlyOne(List<Dfa> dfas, CompileBudget budget) {
        Dfa result = Minimizer.empty();
        for (int i = 0; i < dfas.size(); i++) {
            Dfa only = dfas.get(i);
            for (int j = 0; j < dfas.size() && !only.isEmpty(); j++) {
                if (j != i) {
                    only = minus(only, dfas.get(j), budget);
                }
            }
            result = union(result, only, budget);
        }
        return result;
    }

    public static boolean intersects(Dfa a, Dfa b, CompileBudget budget) {
        return !intersect(a, b, budget).isEmpty();
    }

    public static boolean sameLanguage(Dfa a, Dfa b, CompileBudget budget) {
        return minus(a, b, budget).isEmpty() && minus(b, a, budget).isEmpty();
    }

    private static Dfa product(Dfa a, Dfa b, Op op, CompileBudget budget) {
        if (a.hasRefs() || b.hasRefs()) {
            throw new IllegalArgumentException("set operations need automata without rule references");
        }
        if (a.isEmpty() && op != Op.OR) {
            return a;
        }
        if (b.isEmpty()) {
            return op == Op.AND ? b : a;
        }
        if (a.isEmpty()) {
            return b;
        }
        int[] classLo = mergedClasses(a, b);
        int classes = classLo.length;
        Map<Long, Integer> ids = new HashMap<>();
        List<long[]> pairs = new ArrayList<>();
        IntList next = new IntList();
        List<Boolean> accepting = new ArrayList<>();
        long startKey = key(a.start(), b.start());
        ids.put(startKey, 0);
        pairs.add(new long[] {a.start(), b.start()});
        for (int i = 0; i < pairs.size(); i++) {
            budget.check();
            budget.checkStates(pairs.size(), "the constraint");
            int sa = (int) pairs.get(i)[0];
            int sb = (int) pairs.get(i)[1];
            boolean accA = sa >= 0 && a.accepting(sa);
            boolean accB = sb >= 0 && b.accepting(sb);
            accepting.add(
                    switch (op) {
                        case AND -> accA && accB;
                        case OR -> accA || accB;
                        case MINUS -> accA && !accB;
                    });
            for (int c = 0; c < classes; c++) {
                int byteValue = classLo[c];
                int ta = sa >= 0 ? a.step(sa, byteValue) : -1;
                int tb = sb >= 0 ? b.step(sb, byteValue) : -1;
                boolean alive = switch (op) {
                    case AND -> ta >= 0 && tb >= 0;
                    case OR -> ta >= 0 || tb >= 0;
                    case MINUS -> ta >= 0;
                };
                if (!alive) {
                    next.add(-1);
                    continue;
                }
                long k = key(ta, tb);
                Integer id = ids.get(k);
                if (id == null) {
                    id = pairs.size();
                    ids.put(k, id);
                    pairs.add(new long[] {ta, tb});
                }
                next.add(id);
            }
        }
        boolean[] acc = new boolean[pairs.size()];
        for (int s = 0; s < acc.length; s++) {
            acc[s] = accepting.get(s);
        }
        int[][] refs = new int[pairs.size()][];
        Dfa raw = new Dfa(pairs.size(), 0, classLo, next.toArray(), acc, refs, List.of());
        return Minimizer.minimize(Minimizer.trim(raw), budget);
    }

    private static long key(int sa, int sb) {
        return ((long) (sa + 1) << 32) | (sb + 1);
    }

    private static int[] mergedClasses(Dfa a, Dfa b) {
        boolean[] cut = new boolean[256];
        for (int c = 0; c < a.classCount(); c++) {
            cut[a.classLo(c)] = true;
        }
        for (int c = 0; c < b.classCount(); c++) {
            cut[b.classLo(c)] = true;
        }
        IntList lo = new IntList();
        for (int x = 0; x < 256; x++) {
            if (cut[x]) {
                lo.add(x);
            }
        }
        return lo.toArray();
    }

    /**
     * A canonical encoding of a minimal automaton without references: two automata of the same
     * language encode identically, so equal lexemes can share their token-mask caches.
     */
    public static IntArrayKey canonicalKey(Dfa dfa) {
        int n = dfa.stateCount();
        int classes = dfa.classCount();
        int[] enc = new int[3 + classes + n * (classes + 1)];
        enc[0] = n;
        enc[1] = dfa.start();
        enc[2] = classes;
        for (int c = 0; c < classes; c++) {
            enc[3 + c] = dfa.classLo(c);
        }
        int k = 3 + classes;
        for (int s = 0; s < n; s++) {
            enc[k++] = dfa.accepting(s) ? 1 : 0;
            for (int c = 0; c < classes; c++) {
                enc[k++] = dfa.nextByClass(s, c);
            }
        }
        return new IntArrayKey(Arrays.copyOf(enc, k));
    }
}
