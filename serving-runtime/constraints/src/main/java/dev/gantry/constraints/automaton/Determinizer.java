package dev.gantry.constraints.automaton;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Subset construction from an {@link Nfa} to a {@link Dfa}, followed by trimming and minimisation. */
public final class Determinizer {
    private final Nfa nfa;
    private final CompileBudget budget;
    private final int fin;
    private final int[] classOf = new int[256];
    private final int[] classLo;
    private final int[] mark;
    private int generation;

    private Determinizer(Nfa nfa, int fin) {
        this.nfa = nfa;
        this.budget = nfa.budget();
        this.fin = fin;
        this.classLo = computeClasses();
        this.mark = new int[nfa.size()];
        this.important = new boolean[nfa.size()];
        for (int s = 0; s < nfa.size(); s++) {
            important[s] = s == fin || nfa.bytes(s) != null || nfa.refs(s) != null;
        }
    }

    /** States with a byte or rule edge, or the final state: the only ones a subset needs to remember. */
    private final boolean[] important;

    /** The minimal DFA of the NFA fragment from {@code start} to {@code fin}. */
    public static Dfa determinize(Nfa nfa, int start, int fin) {
        Dfa raw = new Determinizer(nfa, fin).run(start);
        return Minimizer.minimize(Minimizer.trim(raw), nfa.budget());
    }

    private int[] computeClasses() {
        boolean[] cut = new boolean[257];
        cut[0] = true;
        for (int s = 0; s < nfa.size(); s++) {
            IntList b = nfa.bytes(s);
            if (b == null) {
                continue;
            }
            for (int i = 0; i < b.size(); i += 3) {
                cut[b.get(i)] = true;
                cut[b.get(i + 1) + 1] = true;
            }
        }
        IntList lo = new IntList();
        int c = -1;
        for (int x = 0; x < 256; x++) {
            if (cut[x]) {
                lo.add(x);
                c++;
            }
            classOf[x] = c;
        }
        return lo.toArray();
    }

    private Dfa run(int start) {
        int classes = classLo.length;
        Map<IntArrayKey, Integer> ids = new HashMap<>();
        List<int[]> sets = new ArrayList<>();
        IntList next = new IntList(64);
        List<int[]> refs = new ArrayList<>();
        List<Boolean> accepting = new ArrayList<>();
        IntList[] buckets = new IntList[classes];
        for (int c = 0; c < classes; c++) {
            buckets[c] = new IntList();
        }
        int[] first = closure(new int[] {start});
        ids.put(new IntArrayKey(first), 0);
        sets.add(first);
        for (int i = 0; i < sets.size(); i++) {
            budget.check();
            budget.checkStates(sets.size(), "the constraint");
            int[] set = sets.get(i);
            for (int c = 0; c < classes; c++) {
                buckets[c].clear();
            }
            TreeMap<Integer, IntList> refBuckets = new TreeMap<>();
            boolean acc = false;
            for (int s : set) {
                acc |= s == fin;
                IntList b = nfa.bytes(s);
                if (b != null) {
                    for (int k = 0; k < b.size(); k += 3) {
                        int hiClass = classOf[b.get(k + 1)];
                        for (int c = classOf[b.get(k)]; c <= hiClass; c++) {
                            buckets[c].add(b.get(k + 2));
                        }
                    }
                }
                IntList r = nfa.refs(s);
                if (r != null) {
                    for (int k = 0; k < r.size(); k += 2) {
                        refBuckets.computeIfAbsent(r.get(k), x -> new IntList()).add(r.get(k + 1));
                    }
                }
            }
            for (int c = 0; c < classes; c++) {
                next.add(buckets[c].isEmpty() ? -1 : idOf(closure(buckets[c].toArray()), ids, sets));
            }
            int[] refRow = new int[refBuckets.size() * 2];
            int k = 0;
            for (Map.Entry<Integer, IntList> e : refBuckets.entrySet()) {
                refRow[k++] = e.getKey();
                refRow[k++] = idOf(closure(e.getValue().toArray()), ids, sets);
            }
            refs.add(refRow);
            accepting.add(acc);
        }
        boolean[] acc = new boolean[sets.size()];
        for (int s = 0; s < acc.length; s++) {
            acc[s] = accepting.get(s);
        }
        return new Dfa(sets.size(), 0, classLo, next.toArray(), acc, refs.toArray(new int[0][]), nfa.symbols());
    }

    private static int idOf(int[] set, Map<IntArrayKey, Integer> ids, List<int[]> sets) {
        IntArrayKey key = new IntArrayKey(set);
        Integer id = ids.get(key);
        if (id == null) {
            id = sets.size();
            ids.put(key, id);
            sets.add(set);
        }
        return id;
    }

    private int[] closure(int[] seeds) {
        generation++;
        IntList out = new IntList(seeds.length * 2);
        IntList stack = new IntList(seeds.length * 2);
        for (int s : seeds) {
            if (mark[s] != generation) {
                mark[s] = generation;
                stack.add(s);
            }
        }
        while (!stack.isEmpty()) {
            int s = stack.get(stack.size() - 1);
            stack.truncate(stack.size() - 1);
            if (important[s]) {
                out.add(s);
            }
            IntList e = nfa.eps(s);
            if (e != null) {
                for (int k = 0; k < e.size(); k++) {
                    int t = e.get(k);
                    if (mark[t] != generation) {
                        mark[t] = generation;
                        stack.add(t);
                    }
                }
            }
        }
        return out.toSortedUniqueArray();
    }
}
