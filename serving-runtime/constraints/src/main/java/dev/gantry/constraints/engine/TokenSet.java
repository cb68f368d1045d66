package dev.gantry.constraints.engine;

import dev.gantry.constraints.automaton.IntList;
import java.util.Arrays;

/**
 * An immutable set of token ids, stored the cheap way for its size: a dense bitmap (optionally
 * minus a few ids) for large sets, a sorted id list for small ones, so OR-ing it into a mask costs
 * at most one pass over the mask's words.
 */
public final class TokenSet {
    public static final TokenSet EMPTY = new TokenSet(null, null, new int[0], 0);

    private final int[] dense;
    /** Sorted ids removed from {@code dense}. */
    private final int[] exclude;
    /** Sorted ids added to {@code dense} (or the whole set when there is no bitmap). */
    private final int[] include;

    private final int size;

    private TokenSet(int[] dense, int[] exclude, int[] include, int size) {
        this.dense = dense;
        this.exclude = exclude;
        this.include = include;
        this.size = size;
    }

    /** Chooses the representation from the ids (need not be sorted or unique). */
    public static TokenSet of(IntList ids, int vocabSize) {
        int[] sorted = ids.toSortedUniqueArray();
        if (sorted.length == 0) {
            return EMPTY;
        }
        int words = (vocabSize + 31) >>> 5;
        if (sorted.length > words) {
            int[] bits = new int[words];
            for (int id : sorted) {
                bits[id >>> 5] |= 1 << (id & 31);
            }
            return new TokenSet(bits, null, null, sorted.length);
        }
        return new TokenSet(null, null, sorted, sorted.length);
    }

    /** The set of ids whose bits are set in {@code bits} ({@code count} of them), without sorting. */
    public static TokenSet ofBits(int[] bits, int count) {
        if (count == 0) {
            return EMPTY;
        }
        if (count > bits.length) {
            return new TokenSet(bits, null, null, count);
        }
        int[] ids = new int[count];
        int k = 0;
        for (int w = 0; w < bits.length; w++) {
            int b = bits[w];
            while (b != 0) {
                ids[k++] = (w << 5) + Integer.numberOfTrailingZeros(b);
                b &= b - 1;
            }
        }
        return new TokenSet(null, null, ids, count);
    }

    /** A shared dense set with some ids taken away and others added. */
    public static TokenSet derived(TokenSet base, int[] removeSorted, int[] addSorted) {
        if (base.dense == null || base.exclude != null || base.include != null) {
            throw new IllegalArgumentException("derived sets need a plain dense base");
        }
        int size = base.size - removeSorted.length + addSorted.length;
        return new TokenSet(base.dense, removeSorted.length == 0 ? null : removeSorted, addSorted, size);
    }

    public boolean isDense() {
        return dense != null;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public boolean contains(int id) {
        if (include != null && Arrays.binarySearch(include, id) >= 0) {
            return true;
        }
        if (dense == null) {
            return false;
        }
        if (exclude != null && Arrays.binarySearch(exclude, id) >= 0) {
            return false;
        }
        return (dense[id >>> 5] & (1 << (id & 31))) != 0;
    }

    /** Sets the bits of this set's ids in {@code words[offset ...]}. */
    public void orInto(int[] words, int offset) {
        if (dense != null) {
            if (exclude == null) {
                for (int w = 0; w < dense.length; w++) {
                    words[offset + w] |= dense[w];
                }
            } else {
                orDenseExcluding(words, offset);
            }
        }
        if (include != null) {
            for (int id : include) {
                words[offset + (id >>> 5)] |= 1 << (id & 31);
            }
        }
    }

    private void orDenseExcluding(int[] words, int offset) {
        int k = 0;
        for (int w = 0; w < dense.length; w++) {
            int bits = dense[w];
            while (k < exclude.length && (exclude[k] >>> 5) == w) {
                bits &= ~(1 << (exclude[k] & 31));
                k++;
            }
            words[offset + w] |= bits;
        }
    }

    /** The ids in increasing order (for tests and debugging; not a hot path). */
    public int[] toArray() {
        IntList out = new IntList(size);
        if (dense != null) {
            for (int w = 0; w < dense.length; w++) {
                int bits = dense[w];
                while (bits != 0) {
                    int b = Integer.numberOfTrailingZeros(bits);
                    int id = (w << 5) + b;
                    if (exclude == null || Arrays.binarySearch(exclude, id) < 0) {
                        out.add(id);
                    }
                    bits &= bits - 1;
                }
            }
        }
        if (include != null) {
            for (int id : include) {
                out.add(id);
            }
        }
        return out.toSortedUniqueArray();
    }

    /** Heap bytes this set owns (a shared dense base is counted by its owner). */
    public long ownBytes(boolean countDense) {
        long b = 32;
        if (dense != null && countDense) {
            b += 16 + 4L * dense.length;
        }
        if (exclude != null) {
            b += 16 + 4L * exclude.length;
        }
        if (include != null) {
            b += 16 + 4L * include.length;
        }
        return b;
    }
}
