package dev.gantry.constraints.automaton;

/** Removes useless states from a {@link Dfa} and merges equivalent ones (Moore's refinement). */
public final class Minimizer {
    private Minimizer() {}

    /** Keeps only the states that can still reach an accepting state (all states are reachable). */
    public static Dfa trim(Dfa dfa) {
        int n = dfa.stateCount();
        int classes = dfa.classCount();
        IntList[] reverse = new IntList[n];
        for (int s = 0; s < n; s++) {
            for (int c = 0; c < classes; c++) {
                int t = dfa.nextByClass(s, c);
                if (t >= 0) {
                    addReverse(reverse, t, s);
                }
            }
            int[] r = dfa.refs(s);
            for (int k = 1; k < r.length; k += 2) {
                addReverse(reverse, r[k], s);
            }
        }
        boolean[] live = new boolean[n];
        IntList stack = new IntList();
        for (int s = 0; s < n; s++) {
            if (dfa.accepting(s)) {
                live[s] = true;
                stack.add(s);
            }
        }
        while (!stack.isEmpty()) {
            int t = stack.get(stack.size() - 1);
            stack.truncate(stack.size() - 1);
            if (reverse[t] != null) {
                for (int k = 0; k < reverse[t].size(); k++) {
                    int s = reverse[t].get(k);
                    if (!live[s]) {
                        live[s] = true;
                        stack.add(s);
                    }
                }
            }
        }
        if (n == 0 || !live[dfa.start()]) {
            return empty();
        }
        int[] map = new int[n];
        int kept = 0;
        for (int s = 0; s < n; s++) {
            map[s] = live[s] ? kept++ : -1;
        }
        return remap(dfa, map, kept);
    }

    private static void addReverse(IntList[] reverse, int t, int s) {
        if (reverse[t] == null) {
            reverse[t] = new IntList(2);
        }
        reverse[t].add(s);
    }

    /** The automaton without its edges to the named rules (which can never finish), re-minimised. */
    public static Dfa dropRefs(Dfa dfa, java.util.Set<String> drop, CompileBudget budget) {
        java.util.List<String> kept = new java.util.ArrayList<>();
        int[] newSymbol = new int[dfa.symbols().size()];
        for (int i = 0; i < newSymbol.length; i++) {
            String name = dfa.symbols().get(i);
            newSymbol[i] = drop.contains(name) ? -1 : kept.size();
            if (newSymbol[i] >= 0) {
                kept.add(name);
            }
        }
        int n = dfa.stateCount();
        int[][] refs = new int[n][];
        for (int s = 0; s < n; s++) {
            int[] r = dfa.refs(s);
            IntList row = new IntList(r.length);
            for (int k = 0; k < r.length; k += 2) {
                if (newSymbol[r[k]] >= 0) {
                    row.add(newSymbol[r[k]]);
                    row.add(r[k + 1]);
                }
            }
            refs[s] = row.toArray();
        }
        Dfa stripped = new Dfa(n, dfa.start(), dfa.rawClassLo(), dfa.rawNext(), dfa.rawAccepting(), refs, kept);
        return minimize(trim(stripped), budget);
    }

    public static Dfa empty() {
        return new Dfa(0, 0, new int[] {0}, new int[0], new boolean[0], new int[0][], java.util.List.of());
    }

    /** Builds the DFA whose state {@code map[s]} is old state s (states mapped to -1 vanish). */
    private static Dfa remap(Dfa dfa, int[] map, int count) {
        int classes = dfa.classCount();
        int[] next = new int[count * classes];
        boolean[] acc = new boolean[count];
        int[][] refs = new int[count][];
        for (int s = 0; s < dfa.stateCount(); s++) {
            int ns = map[s];
            if (ns < 0 || refs[ns] != null) {
                continue;
            }
            for (int c = 0; c < classes; c++) {
                int t = dfa.nextByClass(s, c);
                next[ns * classes + c] = t >= 0 ? map[t] : -1;
            }
            acc[ns] = dfa.accepting(s);
            int[] r = dfa.refs(s);
            IntList row = new IntList(r.length);
            for (int k = 0; k < r.length; k += 2) {
                if (map[r[k + 1]] >= 0) {
                    row.add(r[k]);
                    row.add(map[r[k + 1]]);
                }
            }
            refs[ns] = row.toArray();
        }
        return new Dfa(count, map[dfa.start()], dfa.rawClassLo(), next, acc, refs, dfa.symbols());
    }

    /** Merges states with the same future (refinement until stable), then merges alike byte classes. */
    public static Dfa minimize(Dfa dfa, CompileBudget budget) {
        int n = dfa.stateCount();
        if (n == 0) {
            return dfa;
        }
        int classes = dfa.classCount();
        java.util.TreeSet<Integer> refSymbols = new java.util.TreeSet<>();
        for (int s = 0; s < n; s++) {
            int[] r = dfa.refs(s);
            for (int k = 0; k < r.length; k += 2) {
                refSymbols.add(r[k]);
            }
        }
        Integer[] refs = refSymbols.toArray(new Integer[0]);
        int[][] delta = new int[classes + refs.length][n];
        boolean[] accepting = new boolean[n];
        for (int s = 0; s < n; s++) {
            accepting[s] = dfa.accepting(s);
            for (int c = 0; c < classes; c++) {
                delta[c][s] = dfa.nextByClass(s, c);
            }
            for (int k = 0; k < refs.length; k++) {
                delta[classes + k][s] = -1;
            }
            int[] r = dfa.refs(s);
            for (int k = 0; k < r.length; k += 2) {
                delta[classes + java.util.Arrays.binarySearch(refs, r[k])][s] = r[k + 1];
            }
        }
        int[] block = Hopcroft.partition(delta, accepting, budget);
        int blocks = 0;
        for (int b : block) {
            blocks = Math.max(blocks, b + 1);
        }
        int[] map = renumberFromStart(dfa, block, blocks);
        int reachable = 0;
        for (int m : map) {
            reachable = Math.max(reachable, m + 1);
        }
        Dfa merged = remap(dfa, map, reachable);
        return mergeClasses(merged);
    }

    /** Numbers blocks in the order a breadth-first walk from the start meets them. */
    private static int[] renumberFromStart(Dfa dfa, int[] block, int blocks) {
        int[] order = new int[blocks];
        java.util.Arrays.fill(order, -1);
        int[] rep = new int[blocks];
        for (int s = dfa.stateCount() - 1; s >= 0; s--) {
            rep[block[s]] = s;
        }
        IntList queue = new IntList();
        order[block[dfa.start()]] = 0;
        queue.add(block[dfa.start()]);
        int count = 1;
        for (int i = 0; i < queue.size(); i++) {
            int s = rep[queue.get(i)];
            for (int c = 0; c < dfa.classCount(); c++) {
                int t = dfa.nextByClass(s, c);
                if (t >= 0 && order[block[t]] < 0) {
                    order[block[t]] = count++;
                    queue.add(block[t]);
                }
            }
            int[] r = dfa.refs(s);
            for (int k = 1; k < r.length; k += 2) {
                if (order[block[r[k]]] < 0) {
                    order[block[r[k]]] = count++;
                    queue.add(block[r[k]]);
                }
            }
        }
        int[] map = new int[dfa.stateCount()];
        for (int s = 0; s < map.length; s++) {
            map[s] = order[block[s]];
        }
        return map;
    }

    private static Dfa mergeClasses(Dfa dfa) {
        int n = dfa.stateCount();
        int classes = dfa.classCount();
        IntList keep = new IntList();
        keep.add(0);
        for (int c = 1; c < classes; c++) {
            int prev = keep.get(keep.size() - 1);
            boolean same = true;
            for (int s = 0; s < n && same; s++) {
                same = dfa.nextByClass(s, c) == dfa.nextByClass(s, prev);
            }
            if (!same) {
                keep.add(c);
            }
        }
        if (keep.size() == classes) {
            return dfa;
        }
        int k = keep.size();
        int[] lo = new int[k];
        int[] next = new int[n * k];
        for (int i = 0; i < k; i++) {
            lo[i] = dfa.classLo(keep.get(i));
            for (int s = 0; s < n; s++) {
                next[s * k + i] = dfa.nextByClass(s, keep.get(i));
            }
        }
        int[][] refs = new int[n][];
        for (int s = 0; s < n; s++) {
            refs[s] = dfa.refs(s);
        }
        return new Dfa(n, dfa.start(), lo, next, dfa.rawAccepting(), refs, dfa.symbols());
    }
}
