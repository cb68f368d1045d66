package dev.gantry.constraints.automaton;

import java.util.Arrays;

/** An int array usable as a hash key (state sets, signatures). */
public final class IntArrayKey {
    private final int[] values;
    private final int hash;

    public IntArrayKey(int[] values) {
        this.values = values;
        this.hash = Arrays.hashCode(values);
    }

    public int[] values() {
        return values;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IntArrayKey k && k.hash == hash && Arrays.equals(k.values, values);
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
