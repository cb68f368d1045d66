package dev.gantry.constraints.engine;

import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shortest completions: for every rule state, the length of the shortest way to finish the rule
 * (referenced rules counted by their shortest match), by fixpoint over the grammar; then the bytes,
 * by following edges that keep to that length. Printable bytes are preferred where there is a choice.
 */
final class Completion {
    static final int INF = Integer.MAX_VALUE / 4;

    private final Map<Rule, int[]> dist = new IdentityHashMap<>();
    private final Map<Rule, Integer> minLength = new IdentityHashMap<>();

    Completion(List<Rule> rules) {
        for (Rule r : rules) {
            if (r instanceof DfaRule d) {
                int[] a = new int[d.dfa.stateCount()];
                java.util.Arrays.fill(a, INF);
                dist.put(r, a);
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Map.Entry<Rule, int[]> e : dist.entrySet()) {
                changed |= relax((DfaRule) e.getKey(), e.getValue());
            }
        }
    }

    private boolean relax(DfaRule r, int[] d) {
        boolean changed = false;
        for (int s = d.length - 1; s >= 0; s--) {
            int best = r.dfa.accepting(s) ? 0 : INF;
            for (int c = 0; c < r.dfa.classCount(); c++) {
                int t = r.dfa.nextByClass(s, c);
                if (t >= 0) {
                    best = Math.min(best, 1 + d[t]);
                }
            }
            for (int i = 0; i < r.refCount(s); i++) {
                best = Math.min(best, minLength(r.refRule(s, i)) + d[(int) r.refTarget(s, i)]);
            }
            if (best < d[s]) {
                d[s] = best;
                changed = true;
            }
        }
        return changed;
    }

    private int minLength(Rule r) {
        return cost(r, r.start());
    }

    /** Bytes needed to finish rule {@code r} from {@code state}. */
    int cost(Rule r, long state) {
        int[] d = dist.get(r);
        if (d != null) {
            return d[(int) state];
        }
        if (state == r.start()) {
            Integer m = minLength.get(r);
            if (m == null) {
                m = searchOwn(r, state, null);
                minLength.put(r, m);
            }
            return m;
        }
        return searchOwn(r, state, null);
    }

    /** Writes a shortest completion of rule {@code r} from {@code state} (up to where it may end). */
    void emit(Rule r, long state, ByteArrayOutputStream out) {
        int[] d = dist.get(r);
        if (d == null) {
            searchOwn(r, state, out);
            return;
        }
        DfaRule rule = (DfaRule) r;
        int s = (int) state;
        while (!(rule.dfa.accepting(s) && d[s] == 0)) {
            int next = -1;
            int byteValue = -1;
            for (int c = 0; c < rule.dfa.classCount(); c++) {
                int t = rule.dfa.nextByClass(s, c);
                if (t >= 0 && 1 + d[t] == d[s]) {
                    int b = preferred(rule.dfa.classLo(c), rule.dfa.classHi(c));
                    if (next < 0 || printable(b) && !printable(byteValue)) {
                        next = t;
                        byteValue = b;
                    }
                }
            }
            if (next >= 0) {
                out.write(byteValue);
                s = next;
                continue;
            }
            for (int i = 0; i < rule.refCount(s); i++) {
                Rule child = rule.refRule(s, i);
                int t = (int) rule.refTarget(s, i);
                if (minLength(child) + d[t] == d[s]) {
                    emit(child, child.start(), out);
                    s = t;
                    next = t;
                    break;
                }
            }
            if (next < 0) {
                throw new IllegalStateException("no completion edge in " + r.name);
            }
        }
    }

    /**
     * Breadth-first search inside one rule without references (counted strings): returns the length
     * and, when {@code out} is given, writes the bytes.
     */
    private static int searchOwn(Rule r, long state, ByteArrayOutputStream out) {
        Map<Long, long[]> seen = new HashMap<>();
        ArrayDeque<Long> queue = new ArrayDeque<>();
        seen.put(state, null);
        queue.add(state);
        while (!queue.isEmpty() && seen.size() < 100_000) {
            long s = queue.poll();
            if (r.accepting(s)) {
                ArrayDeque<Integer> bytes = new ArrayDeque<>();
                for (long k = s; seen.get(k) != null; k = seen.get(k)[0]) {
                    bytes.push((int) seen.get(k)[1]);
                }
                if (out != null) {
                    bytes.forEach(out::write);
                }
                return bytes.size();
            }
            for (int b : BYTE_ORDER) {
                long t = r.step(s, b);
                if (t >= 0 && !seen.containsKey(t)) {
                    seen.put(t, new long[] {s, b});
                    queue.add(t);
                }
            }
        }
        return INF;
    }

    private static boolean printable(int b) {
        return b > 0x20 && b < 0x7F;
    }

    private static int preferred(int lo, int hi) {
        if (hi >= 0x61 && lo <= 0x7A) {
            return Math.max(lo, 0x61);
        }
        if (hi > 0x20 && lo < 0x7F) {
            return Math.max(lo, 0x21);
        }
        return lo;
    }

    /** Printable ASCII first, so completions read naturally. */
    static final int[] BYTE_ORDER = byteOrder();

    private static int[] byteOrder() {
        int[] order = new int[256];
        int k = 0;
        for (int b = 0x61; b <= 0x7A; b++) {
            order[k++] = b;
        }
        for (int b = 0x21; b < 0x7F; b++) {
            if (b < 0x61 || b > 0x7A) {
                order[k++] = b;
            }
        }
        for (int b = 0; b < 256; b++) {
            if (b <= 0x20 || b >= 0x7F) {
                order[k++] = b;
            }
        }
        return order;
    }
}
