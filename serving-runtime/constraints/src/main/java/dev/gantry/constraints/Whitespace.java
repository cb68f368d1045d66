package dev.gantry.constraints;

/**
 * Where JSON output may carry whitespace: {@link #compact()} allows none; {@link #flexible(int)}
 * allows runs of space, tab, newline and carriage return between tokens (never inside strings or
 * numbers, never before the value or after it), at most {@code maxRun} bytes each ({@code -1}: any
 * length). The default, {@code flexible(20)}, lets a model pretty-print but not loop on blank space.
 */
public record Whitespace(int maxRun) {
    public static final Whitespace DEFAULT = flexible(20);

    public Whitespace {
        if (maxRun < -1) {
            throw new IllegalArgumentException("maxRun must be -1 (unbounded), 0 or positive");
        }
    }

    public static Whitespace compact() {
        return new Whitespace(0);
    }

    public static Whitespace flexible(int maxRun) {
        return new Whitespace(maxRun);
    }

    public static Whitespace unbounded() {
        return new Whitespace(-1);
    }
}
