package dev.gantry.constraints.automaton;

/**
 * Hopcroft's partition refinement: the coarsest partition of a DFA's states into blocks with the same
 * future, in O(n k log n). Rule references count as extra symbols; missing edges go to an implicit
 * dead state.
 */
final class Hopcroft {
    private final int n;
    private final int symbols;
    private final int[] elems;
    private final int[] loc;
    private final int[] blockOf;
    private final int[] start;
    private final int[] end;
    private final int[] marked;
    private int blocks;
    /** inverse[a] over targets: sources start at invStart[a][t] in invList[a]. */
    private final int[][] invStart;

    private final int[][] invList;

    private Hopcroft(int[][] delta, boolean[] accepting) {
        this.symbols = delta.length;
        this.n = accepting.length + 1; // + dead state
        int dead = n - 1;
        elems = new int[n];
        loc = new int[n];
        blockOf = new int[n];
        start = new int[n];
        end = new int[n];
        marked = new int[n];
        invStart = new int[symbols][];
        invList = new int[symbols][];
        for (int a = 0; a < symbols; a++) {
            int[] count = new int[n + 1];
            for (int s = 0; s < n; s++) {
                int t = s == dead ? dead : target(delta[a][s], dead);
                count[t + 1]++;
            }
            for (int t = 0; t < n; t++) {
                count[t + 1] += count[t];
            }
            int[] fill = java.util.Arrays.copyOf(count, n);
            int[] list = new int[n];
            for (int s = 0; s < n; s++) {
                int t = s == dead ? dead : target(delta[a][s], dead);
                list[fill[t]++] = s;
            }
            invStart[a] = count;
            invList[a] = list;
        }
        int k = 0;
        for (int pass = 0; pass < 2; pass++) {
            int b0 = k;
            for (int s = 0; s < n; s++) {
                boolean acc = s != dead && accepting[s];
                if (acc == (pass == 1)) {
                    elems[k] = s;
                    loc[s] = k;
                    blockOf[s] = blocks;
                    k++;
                }
            }
            if (k > b0) {
                start[blocks] = b0;
                end[blocks] = k;
                blocks++;
            }
        }
    }

    private static int target(int t, int dead) {
        return t < 0 ? dead : t;
    }

    /** Block number per original state (the dead state dropped). */
    static int[] partition(int[][] delta, boolean[] accepting, CompileBudget budget) {
        Hopcroft h = new Hopcroft(delta, accepting);
        h.refine(budget);
        return java.util.Arrays.copyOf(h.blockOf, accepting.length);
    }

    private void refine(CompileBudget budget) {
        IntList work = new IntList();
        boolean[] inWork = new boolean[n * symbols];
        for (int b = 0; b < blocks; b++) {
            for (int a = 0; a < symbols; a++) {
                work.add(b * symbols + a);
                inWork[b * symbols + a] = true;
            }
        }
        IntList touched = new IntList();
        while (!work.isEmpty()) {
            budget.check();
            int item = work.get(work.size() - 1);
            work.truncate(work.size() - 1);
            inWork[item] = false;
            int splitter = item / symbols;
            int a = item % symbols;
            touched.clear();
            for (int i = start[splitter]; i < end[splitter]; i++) {
                int t = elems[i];
                for (int j = invStart[a][t]; j < invStart[a][t + 1]; j++) {
                    mark(invList[a][j], touched);
                }
            }
            for (int k = 0; k < touched.size(); k++) {
                int b = touched.get(k);
                int m = marked[b];
                marked[b] = 0;
                if (m == end[b] - start[b]) {
                    continue;
                }
                int nb = blocks++;
                start[nb] = start[b];
                end[nb] = start[b] + m;
                start[b] = end[nb];
                for (int i = start[nb]; i < end[nb]; i++) {
                    blockOf[elems[i]] = nb;
                }
                boolean smallerIsNew = end[nb] - start[nb] <= end[b] - start[b];
                for (int c = 0; c < symbols; c++) {
                    if (inWork[b * symbols + c]) {
                        push(work, inWork, nb * symbols + c);
                    } else {
                        push(work, inWork, (smallerIsNew ? nb : b) * symbols + c);
                    }
                }
            }
        }
    }

    /** Moves state s to the marked front part of its block. */
    private void mark(int s, IntList touched) {
        int b = blockOf[s];
        int pos = loc[s];
        int front = start[b] + marked[b];
        if (pos < front) {
            return;
        }
        if (marked[b] == 0) {
            touched.add(b);
        }
        int other = elems[front];
        elems[front] = s;
        loc[s] = front;
        elems[pos] = other;
        loc[other] = pos;
        marked[b]++;
    }

    private static void push(IntList work, boolean[] inWork, int item) {
        if (item < inWork.length && !inWork[item]) {
            inWork[item] = true;
            work.add(item);
        }
    }
}
