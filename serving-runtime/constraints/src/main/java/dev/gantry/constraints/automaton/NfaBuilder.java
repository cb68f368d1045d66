package dev.gantry.constraints.automaton;

/** Thompson construction: an {@link Expr} becomes a fragment of an {@link Nfa} between two states. */
public final class NfaBuilder {
    private final Nfa nfa;

    public NfaBuilder(Nfa nfa) {
        this.nfa = nfa;
    }

    /** Adds the fragment for {@code e} leading from {@code from} to {@code to}. */
    public void build(Expr e, int from, int to) {
        nfa.budget().check();
        if (e instanceof Expr.ByteRange r) {
            nfa.byteRange(from, r.lo(), r.hi(), to);
        } else if (e instanceof Expr.Seq s) {
            buildSeq(s, from, to);
        } else if (e instanceof Expr.Alt a) {
            for (Expr option : a.options()) {
                build(option, from, to);
            }
        } else if (e instanceof Expr.Repeat r) {
            buildRepeat(r, from, to);
        } else if (e instanceof Expr.Ref r) {
            nfa.ref(from, r.rule(), to);
        } else if (e instanceof Expr.Embed em) {
            buildEmbed(em.dfa(), from, to);
        } else if (e instanceof Expr.Graph g) {
            buildGraph(g, from, to);
        } else {
            throw new IllegalArgumentException("unknown expression " + e);
        }
    }

    private void buildSeq(Expr.Seq s, int from, int to) {
        if (s.items().isEmpty()) {
            nfa.epsilon(from, to);
            return;
        }
        int current = from;
        for (int i = 0; i < s.items().size(); i++) {
            int next = i == s.items().size() - 1 ? to : nfa.newState();
            build(s.items().get(i), current, next);
            current = next;
        }
    }

    private void buildRepeat(Expr.Repeat r, int from, int to) {
        int current = from;
        for (int i = 0; i < r.min(); i++) {
            int next = nfa.newState();
            build(r.body(), current, next);
            current = next;
        }
        if (r.max() < 0) {
            int loop = nfa.newState();
            nfa.epsilon(current, loop);
            int back = nfa.newState();
            build(r.body(), loop, back);
            nfa.epsilon(back, loop);
            nfa.epsilon(loop, to);
            return;
        }
        nfa.epsilon(current, to);
        for (int i = r.min(); i < r.max(); i++) {
            int next = nfa.newState();
            build(r.body(), current, next);
            nfa.epsilon(next, to);
            current = next;
        }
    }

    private void buildEmbed(Dfa dfa, int from, int to) {
        int[] map = new int[dfa.stateCount()];
        for (int s = 0; s < map.length; s++) {
            map[s] = nfa.newState();
        }
        nfa.epsilon(from, map[dfa.start()]);
        for (int s = 0; s < map.length; s++) {
            for (int c = 0; c < dfa.classCount(); c++) {
                int t = dfa.nextByClass(s, c);
                if (t >= 0) {
                    nfa.byteRange(map[s], dfa.classLo(c), dfa.classHi(c), map[t]);
                }
            }
            if (dfa.accepting(s)) {
                nfa.epsilon(map[s], to);
            }
        }
    }

    private void buildGraph(Expr.Graph g, int from, int to) {
        int[] map = new int[g.nodes()];
        for (int n = 0; n < map.length; n++) {
            map[n] = nfa.newState();
        }
        nfa.epsilon(from, map[0]);
        nfa.epsilon(map[g.finalNode()], to);
        for (Expr.Graph.Edge edge : g.edges()) {
            build(edge.label(), map[edge.from()], map[edge.to()]);
        }
    }
}
