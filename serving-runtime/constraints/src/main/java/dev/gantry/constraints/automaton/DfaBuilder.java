package dev.gantry.constraints.automaton;

/**
 * Builds an automaton from explicit states and byte edges (for languages easier to describe as a
 * machine than as an expression, such as remainders or counters), then minimises it.
 */
public final class DfaBuilder {
    private final Nfa nfa;
    private final int base;
    private final int fin;

    public DfaBuilder(CompileBudget budget) {
        this.nfa = new Nfa(budget);
        this.fin = nfa.newState();
        this.base = nfa.size();
    }

    /** Adds a state and returns its number (the first one added is the start). */
    public int state() {
        return nfa.newState() - base;
    }

    public void edge(int from, int lo, int hi, int to) {
        nfa.byteRange(base + from, lo, hi, base + to);
    }

    public void accept(int state) {
        nfa.epsilon(base + state, fin);
    }

    public Dfa build() {
        if (nfa.size() == base) {
            return Minimizer.empty();
        }
        return Determinizer.determinize(nfa, base, fin);
    }

    /**
     * The strings of {@code content} (UTF-8) whose length in code points lies in [min, max] ({@code max
     * < 0}: unbounded), by pairing each state with a character counter (built directly, then trimmed
     * and minimised).
     */
    public static Dfa withLength(Dfa content, int min, long max, CompileBudget budget) {
        if (content.isEmpty()) {
            return content;
        }
        long cap = max < 0 ? min : max;
        if ((cap + 1) * content.stateCount() > budget.maxStates()) {
            throw new dev.gantry.constraints.ConstraintException(
                    dev.gantry.constraints.ConstraintException.Reason.LIMIT_EXCEEDED,
                    "a string length bound of " + cap + " combined with a pattern or format needs too many states");
        }
        boolean[] cut = new boolean[256];
        for (int c = 0; c < content.classCount(); c++) {
            cut[content.classLo(c)] = true;
        }
        cut[0x80] = true;
        cut[0xC0] = true;
        IntList lo = new IntList();
        for (int b = 0; b < 256; b++) {
            if (cut[b]) {
                lo.add(b);
            }
        }
        int[] classLo = lo.toArray();
        int classes = classLo.length;
        java.util.HashMap<Long, Integer> ids = new java.util.HashMap<>();
        IntList qs = new IntList();
        IntList counts = new IntList();
        IntList next = new IntList();
        ids.put(key(content.start(), 0), 0);
        qs.add(content.start());
        counts.add(0);
        for (int i = 0; i < qs.size(); i++) {
            budget.check();
            int q = qs.get(i);
            int c = counts.get(i);
            for (int k = 0; k < classes; k++) {
                int b = classLo[k];
                int t = content.step(q, b);
                long nc = c + ((b & 0xC0) == 0x80 ? 0 : 1);
                if (t < 0 || (max >= 0 && nc > max)) {
                    next.add(-1);
                    continue;
                }
                if (max < 0) {
                    nc = Math.min(nc, min);
                }
                long key = key(t, (int) nc);
                Integer to = ids.get(key);
                if (to == null) {
                    to = qs.size();
                    ids.put(key, to);
                    qs.add(t);
                    counts.add((int) nc);
                }
                next.add(to);
            }
        }
        boolean[] accepting = new boolean[qs.size()];
        for (int s = 0; s < accepting.length; s++) {
            accepting[s] = content.accepting(qs.get(s)) && counts.get(s) >= min;
        }
        Dfa raw = new Dfa(qs.size(), 0, classLo, next.toArray(), accepting, new int[qs.size()][], java.util.List.of());
        return Minimizer.minimize(Minimizer.trim(raw), budget);
    }

    private static long key(int q, int count) {
        return ((long) q << 32) | count;
    }
}
