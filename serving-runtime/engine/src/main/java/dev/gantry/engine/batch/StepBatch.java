package dev.gantry.engine.batch;

import java.util.ArrayList;
import java.util.List;

/**
 * The rows of one forward pass, laid out as the host-side index arrays the device needs. Rows have
 * different lengths: shorter rows are padded, padded queries repeat their row's last position (so their
 * attention is well defined) and their keys go to a scratch area of the cache that nobody reads.
 */
public final class StepBatch {
    /** One sequence in the pass: its new tokens, the position of the first one, its cache slot. */
    public record Row(int slot, int startPosition, int[] tokens) {}

    private final List<Row> rows;
    private final int width;
    private final int keyLength;

    private StepBatch(List<Row> rows) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("a step needs at least one row");
        }
        this.rows = List.copyOf(rows);
        this.width = rows.stream().mapToInt(r -> r.tokens().length).max().orElseThrow();
        this.keyLength = rows.stream()
                .mapToInt(r -> r.startPosition() + r.tokens().length)
                .max()
                .orElseThrow();
    }

    public static StepBatch of(List<Row> rows) {
        return new StepBatch(new ArrayList<>(rows));
    }

    public List<Row> rows() {
        return rows;
    }

    public int size() {
        return rows.size();
    }

    /** Tokens per row after padding (1 in a decode step). */
    public int width() {
        return width;
    }

    /** Cache positions attention reads per row: the longest row's total length. */
    public int keyLength() {
        return keyLength;
    }

    /** Token ids, {@code [rows * width]}, padded with 0. */
    public long[] tokenIds() {
        long[] out = new long[rows.size() * width];
        for (int b = 0; b < rows.size(); b++) {
            int[] tokens = rows.get(b).tokens();
            for (int t = 0; t < tokens.length; t++) {
                out[b * width + t] = tokens[t];
            }
        }
        return out;
    }

    /** Position of every query, {@code [rows * width]}; padding repeats the row's last position. */
    public long[] positions() {
        long[] out = new long[rows.size() * width];
        for (int b = 0; b < rows.size(); b++) {
            Row row = rows.get(b);
            for (int t = 0; t < width; t++) {
                out[b * width + t] = row.startPosition() + Math.min(t, row.tokens().length - 1);
            }
        }
        return out;
    }

    /** Flat cache index each new key is written to; padding goes to the scratch area. */
    public long[] writeIndices(int capacity, int scratchBase) {
        long[] out = new long[rows.size() * width];
        for (int b = 0; b < rows.size(); b++) {
            Row row = rows.get(b);
            for (int t = 0; t < width; t++) {
                out[b * width + t] = t < row.tokens().length
                        ? (long) row.slot() * capacity + row.startPosition() + t
                        : (long) scratchBase + t;
            }
        }
        return out;
    }

    /** Flat cache index of every key position attention reads, {@code [rows * keyLength]}. */
    public long[] readIndices(int capacity) {
        long[] out = new long[rows.size() * keyLength];
        for (int b = 0; b < rows.size(); b++) {
            long base = (long) rows.get(b).slot() * capacity;
            for (int j = 0; j < keyLength; j++) {
                out[b * keyLength + j] = base + j;
            }
        }
        return out;
    }

    /** Index of each row's last real token in the flattened {@code [rows * width]} layout. */
    public long[] lastTokenIndices() {
        long[] out = new long[rows.size()];
        for (int b = 0; b < rows.size(); b++) {
            out[b] = (long) b * width + rows.get(b).tokens().length - 1;
        }
        return out;
    }
}
