package dev.gantry.constraints.automaton;

import java.util.Arrays;

/** A growable list of primitive ints, to keep automaton construction free of boxing. */
public final class IntList {
    private int[] data;
    private int size;

    public IntList() {
        this(8);
    }

    public IntList(int capacity) {
        data = new int[Math.max(capacity, 1)];
    }

    public void add(int v) {
        if (size == data.length) {
            data = Arrays.copyOf(data, data.length * 2);
        }
        data[size++] = v;
    }

    public int get(int i) {
        return data[i];
    }

    public void set(int i, int v) {
        data[i] = v;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public void clear() {
        size = 0;
    }

    public void truncate(int newSize) {
        size = newSize;
    }

    public int[] toArray() {
        return Arrays.copyOf(data, size);
    }

    /** Sorted copy without duplicates. */
    public int[] toSortedUniqueArray() {
        int[] a = toArray();
        Arrays.sort(a);
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            if (n == 0 || a[n - 1] != a[i]) {
                a[n++] = a[i];
            }
        }
        return n == a.length ? a : Arrays.copyOf(a, n);
    }
}
