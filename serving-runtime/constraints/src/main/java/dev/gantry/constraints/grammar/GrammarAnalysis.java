package dev.gantry.constraints.grammar;

import dev.gantry.constraints.ConstraintException;
import dev.gantry.constraints.automaton.CompileBudget;
import dev.gantry.constraints.automaton.Dfa;
import dev.gantry.constraints.automaton.IntList;
import dev.gantry.constraints.automaton.Minimizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whole-grammar checks on the rule automata: removes rules that can never finish (and the edges to
 * them), so that every state the matcher reaches can still complete, and refuses left recursion.
 */
final class GrammarAnalysis {
    private GrammarAnalysis() {}

    static Map<String, Dfa> prune(Map<String, Dfa> automata, GrammarDef def, CompileBudget budget) {
        Set<String> productive = productive(automata);
        if (!productive.contains(def.root())) {
            throw new ConstraintException(
                    ConstraintException.Reason.EMPTY_LANGUAGE, "the constraint matches no output at all");
        }
        Set<String> dead = new HashSet<>(automata.keySet());
        dead.removeAll(productive);
        Map<String, Dfa> out = new LinkedHashMap<>();
        List<String> todo = new ArrayList<>(List.of(def.root()));
        Set<String> seen = new HashSet<>(todo);
        for (int i = 0; i < todo.size(); i++) {
            String name = todo.get(i);
            Dfa dfa = automata.get(name);
            if (!dead.isEmpty() && dfa.hasRefs()) {
                dfa = Minimizer.dropRefs(dfa, dead, budget);
            }
            out.put(name, dfa);
            for (String ref : dfa.symbols()) {
                if (!dead.contains(ref) && seen.add(ref)) {
                    todo.add(ref);
                }
            }
        }
        checkLeftRecursion(out);
        return out;
    }

    /** Rules with at least one finite match, by fixpoint. */
    private static Set<String> productive(Map<String, Dfa> automata) {
        Set<String> productive = new HashSet<>();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Map.Entry<String, Dfa> e : automata.entrySet()) {
                if (!productive.contains(e.getKey()) && canFinish(e.getValue(), productive, false)) {
                    productive.add(e.getKey());
                    changed = true;
                }
            }
        }
        return productive;
    }

    /** Whether the start reaches an accepting state; {@code refsOnly}: without reading any byte. */
    private static boolean canFinish(Dfa dfa, Set<String> usable, boolean refsOnly) {
        if (dfa.isEmpty()) {
            return false;
        }
        boolean[] seen = new boolean[dfa.stateCount()];
        IntList stack = new IntList();
        stack.add(dfa.start());
        seen[dfa.start()] = true;
        while (!stack.isEmpty()) {
            int s = stack.get(stack.size() - 1);
            stack.truncate(stack.size() - 1);
            if (dfa.accepting(s)) {
                return true;
            }
            if (!refsOnly) {
                for (int c = 0; c < dfa.classCount(); c++) {
                    push(dfa.nextByClass(s, c), seen, stack);
                }
            }
            int[] r = dfa.refs(s);
            for (int k = 0; k < r.length; k += 2) {
                if (usable.contains(dfa.symbols().get(r[k]))) {
                    push(r[k + 1], seen, stack);
                }
            }
        }
        return false;
    }

    private static void push(int t, boolean[] seen, IntList stack) {
        if (t >= 0 && !seen[t]) {
            seen[t] = true;
            stack.add(t);
        }
    }

    /** A rule that can reach itself before reading a byte would make the matcher push forever. */
    private static void checkLeftRecursion(Map<String, Dfa> automata) {
        Set<String> nullable = new HashSet<>();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Map.Entry<String, Dfa> e : automata.entrySet()) {
                if (!nullable.contains(e.getKey()) && canFinish(e.getValue(), nullable, true)) {
                    nullable.add(e.getKey());
                    changed = true;
                }
            }
        }
        Map<String, Set<String>> leftCorner = new HashMap<>();
        for (Map.Entry<String, Dfa> e : automata.entrySet()) {
            leftCorner.put(e.getKey(), leftRefs(e.getValue(), nullable));
        }
        for (String rule : automata.keySet()) {
            List<String> cycle = findCycle(rule, leftCorner);
            if (cycle != null) {
                throw ConstraintException.unsupported("left recursion is not supported: " + String.join(" -> ", cycle)
                        + " (rewrite it with repetition, e.g. list ::= item (\",\" item)*)");
            }
        }
    }

    private static Set<String> leftRefs(Dfa dfa, Set<String> nullable) {
        Set<String> out = new HashSet<>();
        if (dfa.isEmpty()) {
            return out;
        }
        boolean[] seen = new boolean[dfa.stateCount()];
        IntList stack = new IntList();
        stack.add(dfa.start());
        seen[dfa.start()] = true;
        while (!stack.isEmpty()) {
            int s = stack.get(stack.size() - 1);
            stack.truncate(stack.size() - 1);
            int[] r = dfa.refs(s);
            for (int k = 0; k < r.length; k += 2) {
                String ref = dfa.symbols().get(r[k]);
                out.add(ref);
                if (nullable.contains(ref)) {
                    push(r[k + 1], seen, stack);
                }
            }
        }
        return out;
    }

    private static List<String> findCycle(String start, Map<String, Set<String>> edges) {
        Map<String, String> parent = new HashMap<>();
        List<String> queue = new ArrayList<>(List.of(start));
        for (int i = 0; i < queue.size(); i++) {
            String v = queue.get(i);
            for (String w : edges.getOrDefault(v, Set.of())) {
                if (w.equals(start)) {
                    List<String> path = new ArrayList<>();
                    path.add(start);
                    for (String x = v; !x.equals(start); x = parent.get(x)) {
                        path.add(1, x);
                    }
                    path.add(start);
                    return path;
                }
                if (!parent.containsKey(w)) {
                    parent.put(w, v);
                    queue.add(w);
                }
            }
        }
        return null;
    }
}
