package dev.gantry.constraints.grammar;

import dev.gantry.constraints.automaton.Expr;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** Which rules reference which, and which rules are recursive (on a reference cycle). */
final class GrammarGraph {
    private GrammarGraph() {}

    static Set<String> refs(Expr e) {
        Set<String> out = new LinkedHashSet<>();
        collect(e, out);
        return out;
    }

    private static void collect(Expr e, Set<String> out) {
        if (e instanceof Expr.Ref r) {
            out.add(r.rule());
        } else if (e instanceof Expr.Seq s) {
            s.items().forEach(x -> collect(x, out));
        } else if (e instanceof Expr.Alt a) {
            a.options().forEach(x -> collect(x, out));
        } else if (e instanceof Expr.Repeat r) {
            collect(r.body(), out);
        } else if (e instanceof Expr.Graph g) {
            g.edges().forEach(x -> collect(x.label(), out));
        }
    }

    /** Rules that can reach themselves through references (Tarjan's strongly connected components). */
    static Set<String> recursiveRules(GrammarDef def) {
        Map<String, Set<String>> edges = new HashMap<>();
        for (Map.Entry<String, GrammarDef.Body> e : def.rules().entrySet()) {
            edges.put(e.getKey(), e.getValue() instanceof GrammarDef.ExprBody b ? refs(b.expr()) : Set.of());
        }
        return new Tarjan(edges).run();
    }

    private static final class Tarjan {
        private final Map<String, Set<String>> edges;
        private final Map<String, Integer> index = new HashMap<>();
        private final Map<String, Integer> low = new HashMap<>();
        private final Deque<String> stack = new ArrayDeque<>();
        private final Set<String> onStack = new HashSet<>();
        private final Set<String> recursive = new HashSet<>();
        private int counter;

        Tarjan(Map<String, Set<String>> edges) {
            this.edges = edges;
        }

        Set<String> run() {
            for (String v : edges.keySet()) {
                if (!index.containsKey(v)) {
                    visit(v);
                }
            }
            return recursive;
        }

        private void visit(String v) {
            index.put(v, counter);
            low.put(v, counter);
            counter++;
            stack.push(v);
            onStack.add(v);
            for (String w : edges.getOrDefault(v, Set.of())) {
                if (!index.containsKey(w)) {
                    visit(w);
                    low.put(v, Math.min(low.get(v), low.get(w)));
                } else if (onStack.contains(w)) {
                    low.put(v, Math.min(low.get(v), index.get(w)));
                }
            }
            if (low.get(v).equals(index.get(v))) {
                Set<String> component = new HashSet<>();
                String w;
                do {
                    w = stack.pop();
                    onStack.remove(w);
                    component.add(w);
                } while (!w.equals(v));
                if (component.size() > 1 || edges.getOrDefault(v, Set.of()).contains(v)) {
                    recursive.addAll(component);
                }
            }
        }
    }
}
