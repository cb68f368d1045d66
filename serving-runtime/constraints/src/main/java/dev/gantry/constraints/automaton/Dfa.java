package dev.gantry.constraints.automaton;

import java.util.List;

/**
 * An immutable deterministic automaton over bytes, with optional edges that stand for referenced
 * rules. Bytes are grouped into contiguous classes that behave alike, so the transition table stays
 * small: {@code next[state * classCount + classOf[byte]]}, -1 where there is no edge.
 */
public final class Dfa {
    private static final int[] NO_REFS = new int[0];

    private final int stateCount;
    private final int start;
    private final int[] classOf;
    private final int[] classLo;
    private final int classCount;
    private final int[] next;
    private final boolean[] accepting;
    private final boolean[] hasBytes;
    /** Per state: symbol, target pairs (empty when none). */
    private final int[][] refs;

    private final List<String> symbols;

    Dfa(int stateCount, int start, int[] classLo, int[] next, boolean[] accepting, int[][] refs, List<String> symbols) {
        this.stateCount = stateCount;
        this.start = start;
        this.classLo = classLo;
        this.classCount = classLo.length;
        this.classOf = new int[256];
        for (int c = 0; c < classCount; c++) {
            int hi = c + 1 < classCount ? classLo[c + 1] - 1 : 255;
            for (int b = classLo[c]; b <= hi; b++) {
                classOf[b] = c;
            }
        }
        this.next = next;
        this.accepting = accepting;
        this.refs = refs;
        this.symbols = List.copyOf(symbols);
        this.hasBytes = new boolean[stateCount];
        for (int s = 0; s < stateCount; s++) {
            for (int c = 0; c < classCount; c++) {
                if (next[s * classCount + c] >= 0) {
                    hasBytes[s] = true;
                    break;
                }
            }
            if (refs[s] == null) {
                refs[s] = NO_REFS;
            }
        }
    }

    public int stateCount() {
        return stateCount;
    }

    public int start() {
        return start;
    }

    public int classCount() {
        return classCount;
    }

    public int classLo(int c) {
        return classLo[c];
    }

    public int classHi(int c) {
        return c + 1 < classCount ? classLo[c + 1] - 1 : 255;
    }

    public int classOf(int b) {
        return classOf[b];
    }

    /** The state after reading byte {@code b} in state {@code s}, or -1. */
    public int step(int s, int b) {
        return next[s * classCount + classOf[b]];
    }

    public int nextByClass(int s, int c) {
        return next[s * classCount + c];
    }

    public boolean accepting(int s) {
        return accepting[s];
    }

    public boolean hasByteEdges(int s) {
        return hasBytes[s];
    }

    /** Symbol, target pairs of the rule-reference edges leaving {@code s}. */
    public int[] refs(int s) {
        return refs[s];
    }

    public List<String> symbols() {
        return symbols;
    }

    public boolean hasRefs() {
        for (int[] r : refs) {
            if (r.length > 0) {
                return true;
            }
        }
        return false;
    }

    /** True when the language is empty. */
    public boolean isEmpty() {
        return stateCount == 0;
    }

    /** Runs the automaton over bytes without rule references; true if it ends accepting. */
    public boolean matches(byte[] input) {
        if (stateCount == 0) {
            return false;
        }
        int s = start;
        for (byte x : input) {
            s = step(s, x & 0xFF);
            if (s < 0) {
                return false;
            }
        }
        return accepting[s];
    }

    /** Approximate heap footprint, for memory accounting. */
    public long estimatedBytes() {
        long refBytes = 0;
        for (int[] r : refs) {
            refBytes += 16 + 4L * r.length;
        }
        return 64 + 4L * next.length + 2L * stateCount + 4L * 256 + 4L * classCount + refBytes + 8L * stateCount;
    }

    int[] rawNext() {
        return next;
    }

    /** The transition table itself ({@code state * classCount + class}), for hot loops. Read only. */
    public int[] transitionTable() {
        return next;
    }

    /** The byte-to-class map itself (256 entries), for hot loops. Read only. */
    public int[] classMap() {
        return classOf;
    }

    boolean[] rawAccepting() {
        return accepting;
    }

    int[] rawClassLo() {
        return classLo;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Dfa(" + stateCount + " states, start " + start + ")\n");
        for (int s = 0; s < stateCount && s < 200; s++) {
            sb.append(s).append(accepting[s] ? "*" : " ").append(':');
            for (int c = 0; c < classCount; c++) {
                int t = next[s * classCount + c];
                if (t >= 0) {
                    sb.append(String.format(" [%02x-%02x]->%d", classLo(c), classHi(c), t));
                }
            }
            for (int i = 0; i < refs[s].length; i += 2) {
                sb.append(" <").append(symbols.get(refs[s][i])).append(">->").append(refs[s][i + 1]);
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
