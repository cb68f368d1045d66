package dev.gantry.constraints.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** The array keywords of one schema node (prefixItems, items, minItems, maxItems, uniqueItems). */
final class ArrayKeywords {
    private final ShapeBuilder shapes;

    ArrayKeywords(ShapeBuilder shapes) {
        this.shapes = shapes;
    }

    Shape apply(SchemaNode n, Shape s) {
        boolean any = n.has("items")
                || n.has("prefixItems")
                || n.has("minItems")
                || n.has("maxItems")
                || n.has("uniqueItems");
        if (s.arrays.isEmpty() || !any) {
            return s;
        }
        List<Conj> prefix = new ArrayList<>();
        if (n.has("prefixItems")) {
            JsonNode p = n.get("prefixItems");
            if (!p.isArray()) {
                throw n.error("prefixItems", "prefixItems must be an array of schemas");
            }
            for (int i = 0; i < p.size(); i++) {
                prefix.add(Conj.of(n.child("prefixItems", i)));
            }
        }
        Conj items = Conj.TRUE;
        if (n.has("items")) {
            JsonNode it = n.get("items");
            if (it.isArray()) {
                throw n.unsupported("items", "items as an array is draft 7 syntax; use prefixItems");
            }
            items = it.isBoolean() && !it.asBoolean() ? null : Conj.of(n.child("items"));
        }
        int min = n.has("minItems") ? ShapeBuilder.count(n, "minItems") : 0;
        int max = n.has("maxItems") ? ShapeBuilder.count(n, "maxItems") : -1;
        if (n.has("uniqueItems")) {
            checkUniqueItems(n, max);
        }
        ArrayShape c = new ArrayShape(prefix, items, min, max);
        List<ArrayShape> out = new ArrayList<>();
        for (ArrayShape a : s.arrays) {
            ArrayShape b = a.and(c);
            if (b != null) {
                out.add(b);
            }
        }
        return s.withArrays(out);
    }

    private void checkUniqueItems(SchemaNode n, int max) {
        JsonNode u = n.get("uniqueItems");
        if (!u.isBoolean()) {
            throw n.error("uniqueItems", "uniqueItems must be a boolean");
        }
        if (!u.asBoolean() || (max >= 0 && max <= 1) || shapes.options.ignoreUniqueItems()) {
            return;
        }
        throw n.unsupported(
                "uniqueItems",
                "uniqueItems: true cannot be enforced by a grammar (option ignoreUniqueItems accepts it unenforced)");
    }
}
