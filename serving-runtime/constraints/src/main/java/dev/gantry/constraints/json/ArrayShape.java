package dev.gantry.constraints.json;

import java.util.ArrayList;
import java.util.List;

/**
 * The arrays one schema branch accepts: schemas of the leading items ({@code prefixItems}), the schema
 * of the rest ({@code items}; null: no more items), and the length bounds.
 */
final class ArrayShape {
    static final ArrayShape ANY = new ArrayShape(List.of(), Conj.TRUE, 0, -1);

    final List<Conj> prefix;
    final Conj items;
    final int minItems;
    final int maxItems;

    ArrayShape(List<Conj> prefix, Conj items, int minItems, int maxItems) {
        this.prefix = List.copyOf(prefix);
        this.items = items;
        int max = maxItems;
        if (items == null && (max < 0 || max > prefix.size())) {
            max = prefix.size();
        }
        this.minItems = minItems;
        this.maxItems = max;
    }

    /** The schema of item {@code i}, or null when there can be no such item. */
    Conj itemAt(int i) {
        return i < prefix.size() ? prefix.get(i) : items;
    }

    boolean isEmpty() {
        return maxItems >= 0 && minItems > maxItems;
    }

    ArrayShape and(ArrayShape o) {
        int len = Math.max(prefix.size(), o.prefix.size());
        List<Conj> merged = new ArrayList<>();
        int max = maxItems < 0 ? o.maxItems : (o.maxItems < 0 ? maxItems : Math.min(maxItems, o.maxItems));
        for (int i = 0; i < len; i++) {
            Conj c = Conj.and(itemAt(i), o.itemAt(i));
            if (c == null) {
                max = max < 0 ? i : Math.min(max, i);
                break;
            }
            merged.add(c);
        }
        Conj rest = Conj.and(items, o.items);
        ArrayShape s = new ArrayShape(merged, rest, Math.max(minItems, o.minItems), max);
        return s.isEmpty() ? null : s;
    }
}
