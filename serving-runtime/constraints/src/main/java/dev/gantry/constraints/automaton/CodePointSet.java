package dev.gantry.constraints.automaton;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** An immutable set of Unicode scalar values (code points without surrogates), kept as sorted ranges. */
public final class CodePointSet {
    public static final int MAX = 0x10FFFF;
    private static final int SURROGATE_LO = 0xD800;
    private static final int SURROGATE_HI = 0xDFFF;

    public static final CodePointSet EMPTY = new CodePointSet(new int[0]);
    public static final CodePointSet ALL = of(0, MAX);

    /** lo0, hi0, lo1, hi1, ... sorted, disjoint, non-adjacent, surrogates excluded. */
    private final int[] ranges;

    private CodePointSet(int[] ranges) {
        this.ranges = ranges;
    }

    public static CodePointSet of(int lo, int hi) {
        return fromRanges(new int[] {lo, hi});
    }

    public static CodePointSet ofChar(int cp) {
        return of(cp, cp);
    }

    public static CodePointSet ofChars(String chars) {
        Builder b = new Builder();
        chars.codePoints().forEach(cp -> b.add(cp, cp));
        return b.build();
    }

    /** Builds a set from unsorted, possibly overlapping pairs; surrogates are removed. */
    public static CodePointSet fromRanges(int[] pairs) {
        Builder b = new Builder();
        for (int i = 0; i < pairs.length; i += 2) {
            b.add(pairs[i], pairs[i + 1]);
        }
        return b.build();
    }

    public int rangeCount() {
        return ranges.length / 2;
    }

    public int lo(int i) {
        return ranges[2 * i];
    }

    public int hi(int i) {
        return ranges[2 * i + 1];
    }

    public boolean isEmpty() {
        return ranges.length == 0;
    }

    public boolean contains(int cp) {
        int lo = 0;
        int hi = rangeCount() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (cp < lo(mid)) {
                hi = mid - 1;
            } else if (cp > hi(mid)) {
                lo = mid + 1;
            } else {
                return true;
            }
        }
        return false;
    }

    public CodePointSet union(CodePointSet other) {
        Builder b = new Builder();
        b.addAll(this);
        b.addAll(other);
        return b.build();
    }

    public CodePointSet complement() {
        Builder b = new Builder();
        int next = 0;
        for (int i = 0; i < rangeCount(); i++) {
            if (lo(i) > next) {
                b.add(next, lo(i) - 1);
            }
            next = hi(i) + 1;
        }
        if (next <= MAX) {
            b.add(next, MAX);
        }
        return b.build();
    }

    public CodePointSet intersect(CodePointSet other) {
        return complement().union(other.complement()).complement();
    }

    public CodePointSet minus(CodePointSet other) {
        return intersect(other.complement());
    }

    /** Adds the other case of every letter (simple case folding, as java.util.regex does). */
    public CodePointSet caseInsensitive() {
        Builder b = new Builder();
        b.addAll(this);
        for (int i = 0; i < rangeCount(); i++) {
            for (int cp = lo(i); cp <= hi(i); cp++) {
                int u = Character.toUpperCase(cp);
                int l = Character.toLowerCase(cp);
                b.add(u, u);
                b.add(l, l);
            }
        }
        return b.build();
    }

    /** A Unicode general category ("L", "Lu", "Nd", ...), or null for an unknown name. */
    public static CodePointSet category(String name) {
        return UnicodeCategories.category(name);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CodePointSet other && Arrays.equals(ranges, other.ranges);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(ranges);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < rangeCount(); i++) {
            sb.append(String.format("%X-%X ", lo(i), hi(i)));
        }
        return sb.append(']').toString();
    }

    /** Accumulates ranges, then sorts and merges them. */
    public static final class Builder {
        private final List<int[]> pending = new ArrayList<>();

        public Builder add(int lo, int hi) {
            lo = Math.max(lo, 0);
            hi = Math.min(hi, MAX);
            if (lo > hi) {
                return this;
            }
            if (lo < SURROGATE_LO && hi >= SURROGATE_LO) {
                pending.add(new int[] {lo, SURROGATE_LO - 1});
                if (hi > SURROGATE_HI) {
                    pending.add(new int[] {SURROGATE_HI + 1, hi});
                }
            } else if (lo >= SURROGATE_LO && lo <= SURROGATE_HI) {
                if (hi > SURROGATE_HI) {
                    pending.add(new int[] {SURROGATE_HI + 1, hi});
                }
            } else {
                pending.add(new int[] {lo, hi});
            }
            return this;
        }

        public Builder addAll(CodePointSet set) {
            for (int i = 0; i < set.rangeCount(); i++) {
                pending.add(new int[] {set.lo(i), set.hi(i)});
            }
            return this;
        }

        public CodePointSet build() {
            pending.sort((a, b) -> Integer.compare(a[0], b[0]));
            int[] out = new int[pending.size() * 2];
            int n = 0;
            for (int[] r : pending) {
                if (n > 0 && r[0] <= out[n - 1] + 1) {
                    out[n - 1] = Math.max(out[n - 1], r[1]);
                } else {
                    out[n++] = r[0];
                    out[n++] = r[1];
                }
            }
            return new CodePointSet(Arrays.copyOf(out, n));
        }
    }
}
