package dev.gantry.constraints.automaton;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Turns a set of code points into sequences of byte ranges whose concatenations are exactly their
 * UTF-8 encodings, so that character classes become byte automata.
 */
public final class Utf8Sequences {
    private static final int[] LENGTH_LIMITS = {0x7F, 0x7FF, 0xFFFF, 0x10FFFF};

    private Utf8Sequences() {}

    /** Each element is {lo1, hi1, lo2, hi2, ...}: one byte range per position. */
    public static List<int[]> of(CodePointSet set) {
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < set.rangeCount(); i++) {
            split(set.lo(i), set.hi(i), out);
        }
        return out;
    }

    private static void split(int start, int end, List<int[]> out) {
        Deque<int[]> todo = new ArrayDeque<>();
        todo.push(new int[] {start, end});
        while (!todo.isEmpty()) {
            int[] r = todo.pop();
            int s = r[0];
            int e = r[1];
            if (splitAtLengthBoundary(s, e, todo) || splitAtContinuationBoundary(s, e, todo)) {
                continue;
            }
            byte[] sb = encode(s);
            byte[] eb = encode(e);
            int[] seq = new int[sb.length * 2];
            for (int i = 0; i < sb.length; i++) {
                seq[2 * i] = sb[i] & 0xFF;
                seq[2 * i + 1] = eb[i] & 0xFF;
            }
            out.add(seq);
        }
    }

    private static boolean splitAtLengthBoundary(int s, int e, Deque<int[]> todo) {
        for (int limit : LENGTH_LIMITS) {
            if (s <= limit && e > limit) {
                todo.push(new int[] {limit + 1, e});
                todo.push(new int[] {s, limit});
                return true;
            }
        }
        return false;
    }

    private static boolean splitAtContinuationBoundary(int s, int e, Deque<int[]> todo) {
        int len = encodedLength(s);
        for (int i = 1; i < len; i++) {
            int max = (1 << (6 * i)) - 1;
            if ((s & ~max) != (e & ~max)) {
                if ((s & max) != 0) {
                    todo.push(new int[] {(s | max) + 1, e});
                    todo.push(new int[] {s, s | max});
                    return true;
                }
                if ((e & max) != max) {
                    todo.push(new int[] {e & ~max, e});
                    todo.push(new int[] {s, (e & ~max) - 1});
                    return true;
                }
            }
        }
        return false;
    }

    static int encodedLength(int cp) {
        if (cp <= 0x7F) {
            return 1;
        } else if (cp <= 0x7FF) {
            return 2;
        } else if (cp <= 0xFFFF) {
            return 3;
        }
        return 4;
    }

    public static byte[] encode(int cp) {
        return new String(Character.toChars(cp)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
