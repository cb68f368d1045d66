package dev.gantry.constraints.bench;

import java.util.Arrays;

/** A growable array of long samples with percentiles. */
final class Stats {
    private long[] values = new long[1024];
    private int size;

    void add(long v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = v;
    }

    long get(int i) {
        return values[i];
    }

    int size() {
        return size;
    }

    /** The q-quantile (nearest rank), e.g. 0.5, 0.99. */
    long quantile(double q) {
        if (size == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q * size) - 1;
        return sorted[Math.max(0, Math.min(size - 1, rank))];
    }

    long max() {
        return quantile(1.0);
    }

    double mean() {
        long sum = 0;
        for (int i = 0; i < size; i++) {
            sum += values[i];
        }
        return size == 0 ? 0 : (double) sum / size;
    }
}
