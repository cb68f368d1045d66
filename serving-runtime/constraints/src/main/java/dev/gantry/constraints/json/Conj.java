package dev.gantry.constraints.json;

import java.util.Arrays;
import java.util.TreeSet;

/**
 * A conjunction of schema nodes (by id): the value schema of a property or item after allOf merging.
 * Each distinct conjunction becomes one grammar rule, which is how recursion stays finite.
 */
final class Conj {
    static final Conj TRUE = new Conj(new int[0]);

    final int[] ids;
    private final int hash;

    private Conj(int[] ids) {
        this.ids = ids;
        this.hash = Arrays.hashCode(ids);
    }

    static Conj of(SchemaNode node) {
        return new Conj(new int[] {node.id});
    }

    Conj and(Conj other) {
        if (other == null) {
            return null;
        }
        if (ids.length == 0) {
            return other;
        }
        if (other.ids.length == 0) {
            return this;
        }
        TreeSet<Integer> set = new TreeSet<>();
        for (int id : ids) {
            set.add(id);
        }
        for (int id : other.ids) {
            set.add(id);
        }
        return new Conj(set.stream().mapToInt(Integer::intValue).toArray());
    }

    static Conj and(Conj a, Conj b) {
        return a == null || b == null ? null : a.and(b);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Conj c && Arrays.equals(c.ids, ids);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return Arrays.toString(ids);
    }
}
