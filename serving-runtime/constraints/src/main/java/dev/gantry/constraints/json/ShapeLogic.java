package dev.gantry.constraints.json;

import dev.gantry.constraints.ConstraintException;
import dev.gantry.constraints.automaton.Dfa;
import dev.gantry.constraints.automaton.Dfas;
import java.util.ArrayList;
import java.util.List;

/**
 * oneOf and not on shapes. Scalar parts are exact (automaton set operations); object and array parts
 * of oneOf must be provably disjoint (types, property counts, or a required property whose values
 * cannot overlap), and {@code not} only complements object/array parts that are all-or-nothing.
 * Anything else is refused with an error naming the keyword, never approximated silently.
 */
final class ShapeLogic {
    private static final int DISJOINT_DEPTH = 3;

    private final ShapeBuilder shapes;

    ShapeLogic(ShapeBuilder shapes) {
        this.shapes = shapes;
    }

    Shape exactlyOne(List<Shape> alts, SchemaNode n) {
        boolean nul = countTrue(alts, 0) == 1;
        boolean tru = countTrue(alts, 1) == 1;
        boolean fls = countTrue(alts, 2) == 1;
        List<Dfa> nums = new ArrayList<>();
        List<Dfa> strs = new ArrayList<>();
        int withStrings = 0;
        for (Shape s : alts) {
            // exponent forms are left out: the range and multiple languages only decide plain notation
            nums.add(
                    s.numbers == null
                            ? Dfas.of(dev.gantry.constraints.automaton.Expr.NOTHING, shapes.budget)
                            : Dfas.intersect(s.numbers, NumberLanguages.plain(), shapes.budget));
            withStrings += s.strings.isEmpty() ? 0 : 1;
        }
        Dfa numbers = Dfas.exactlyOne(nums, shapes.budget);
        List<StringLang> strings = new ArrayList<>();
        if (withStrings <= 1) {
            alts.forEach(s -> strings.addAll(s.strings));
        } else {
            for (Shape s : alts) {
                strs.add(unionOf(s.strings, n, "oneOf"));
            }
            strings.add(new StringLang(Dfas.exactlyOne(strs, shapes.budget), 0, -1));
        }
        List<ObjectShape> objects = new ArrayList<>();
        List<ArrayShape> arrays = new ArrayList<>();
        boolean objectsAllOrNothing = alts.stream()
                .allMatch(a -> a.objects.isEmpty() || a.objects.stream().anyMatch(ObjectShape::isUnconstrained));
        boolean arraysAllOrNothing = alts.stream()
                .allMatch(a -> a.arrays.isEmpty() || a.arrays.stream().anyMatch(ShapeLogic::isUnconstrained));
        for (int i = 0; i < alts.size(); i++) {
            for (int j = i + 1; j < alts.size(); j++) {
                checkStructuresDisjoint(alts.get(i), alts.get(j), i, j, n, objectsAllOrNothing, arraysAllOrNothing);
            }
        }
        if (objectsAllOrNothing) {
            if (alts.stream().filter(a -> !a.objects.isEmpty()).count() == 1) {
                objects.add(ObjectShape.ANY);
            }
        } else {
            alts.forEach(a -> objects.addAll(a.objects));
        }
        if (arraysAllOrNothing) {
            if (alts.stream().filter(a -> !a.arrays.isEmpty()).count() == 1) {
                arrays.add(ArrayShape.ANY);
            }
        } else {
            alts.forEach(a -> arrays.addAll(a.arrays));
        }
        return new Shape(nul, tru, fls, numbers, strings, objects, arrays);
    }

    static boolean isUnconstrained(ArrayShape a) {
        return a.prefix.isEmpty() && a.items != null && a.items.ids.length == 0 && a.minItems == 0 && a.maxItems < 0;
    }

    private void checkStructuresDisjoint(
            Shape a, Shape b, int i, int j, SchemaNode n, boolean objectsExact, boolean arraysExact) {
        if (shapes.options.oneOfAsAnyOf()) {
            return;
        }
        boolean ok = true;
        for (ObjectShape x : objectsExact ? List.<ObjectShape>of() : a.objects) {
            for (ObjectShape y : b.objects) {
                ok &= objectsDisjoint(x, y, DISJOINT_DEPTH);
            }
        }
        for (ArrayShape x : arraysExact ? List.<ArrayShape>of() : a.arrays) {
            for (ArrayShape y : b.arrays) {
                ok &= arraysDisjoint(x, y, DISJOINT_DEPTH);
            }
        }
        if (!ok) {
            throw n.unsupported(
                    "oneOf",
                    "oneOf branches " + i + " and " + j
                            + " may both match the same object or array, and exactly-one cannot"
                            + " be enforced then (use anyOf, add a distinguishing required property, or set option oneOfAsAnyOf)");
        }
    }

    private static int countTrue(List<Shape> alts, int which) {
        int c = 0;
        for (Shape s : alts) {
            c += (which == 0 ? s.nul : which == 1 ? s.tru : s.fls) ? 1 : 0;
        }
        return c;
    }

    private Dfa unionOf(List<StringLang> strings, SchemaNode n, String keyword) {
        Dfa u = Dfas.of(dev.gantry.constraints.automaton.Expr.NOTHING, shapes.budget);
        for (StringLang s : strings) {
            try {
                u = Dfas.union(u, s.folded(shapes.budget), shapes.budget);
            } catch (ConstraintException e) {
                throw n.unsupported(
                        keyword,
                        keyword + " over strings with large length bounds is not supported: " + e.getMessage());
            }
        }
        return u;
    }

    Shape complement(Shape s, SchemaNode n, String keyword) {
        // complements are taken in plain notation, where number languages are exact
        Dfa numbers = s.numbers == null
                ? NumberLanguages.plain()
                : Dfas.minus(NumberLanguages.plain(), s.numbers, shapes.budget);
        List<StringLang> strings = new ArrayList<>();
        if (s.strings.isEmpty()) {
            strings.add(StringLang.ANY);
        } else if (s.strings.size() == 1 && s.strings.get(0).isFree()) {
            StringLang x = s.strings.get(0);
            if (x.min > 0) {
                strings.add(new StringLang(null, 0, x.min - 1));
            }
            if (x.max >= 0) {
                strings.add(new StringLang(null, (int) Math.min(Integer.MAX_VALUE, x.max + 1), -1));
            }
        } else {
            strings.add(new StringLang(
                    Dfas.minus(JsonStrings.anyContent(), unionOf(s.strings, n, keyword), shapes.budget), 0, -1));
        }
        List<ObjectShape> objects = new ArrayList<>();
        if (s.objects.isEmpty()) {
            objects.add(ObjectShape.ANY);
        } else if (s.objects.stream().noneMatch(ObjectShape::isUnconstrained)) {
            throw n.unsupported(
                    keyword, keyword + ": the complement of a constrained object schema cannot be enforced");
        }
        List<ArrayShape> arrays = new ArrayList<>();
        if (s.arrays.isEmpty()) {
            arrays.add(ArrayShape.ANY);
        } else if (s.arrays.stream().noneMatch(ShapeLogic::isUnconstrained)) {
            throw n.unsupported(keyword, keyword + ": the complement of a constrained array schema cannot be enforced");
        }
        return new Shape(!s.nul, !s.tru, !s.fls, numbers, strings, objects, arrays);
    }

    /** True only when no value satisfies both shapes (false when that cannot be shown). */
    boolean disjoint(Shape a, Shape b, int depth) {
        if ((a.nul && b.nul) || (a.tru && b.tru) || (a.fls && b.fls)) {
            return false;
        }
        if (a.numbers != null && b.numbers != null && Dfas.intersects(a.numbers, b.numbers, shapes.budget)) {
            return false;
        }
        for (StringLang x : a.strings) {
            for (StringLang y : b.strings) {
                if (!stringsDisjoint(x, y)) {
                    return false;
                }
            }
        }
        for (ObjectShape x : a.objects) {
            for (ObjectShape y : b.objects) {
                if (!objectsDisjoint(x, y, depth)) {
                    return false;
                }
            }
        }
        for (ArrayShape x : a.arrays) {
            for (ArrayShape y : b.arrays) {
                if (!arraysDisjoint(x, y, depth)) {
                    return false;
                }
            }
        }
        return true;
    }

    private boolean stringsDisjoint(StringLang x, StringLang y) {
        if (x.isFree() && y.isFree()) {
            return rangesDisjoint(x.min, x.max, y.min, y.max);
        }
        try {
            return !Dfas.intersects(x.folded(shapes.budget), y.folded(shapes.budget), shapes.budget);
        } catch (ConstraintException e) {
            return false;
        }
    }

    private static boolean rangesDisjoint(long minA, long maxA, long minB, long maxB) {
        return (maxA >= 0 && maxA < minB) || (maxB >= 0 && maxB < minA);
    }

    private boolean objectsDisjoint(ObjectShape x, ObjectShape y, int depth) {
        if (rangesDisjoint(x.minProps, x.maxProps, y.minProps, y.maxProps)) {
            return true;
        }
        if (depth == 0) {
            return false;
        }
        return requiredPropertyDisjoint(x, y, depth) || requiredPropertyDisjoint(y, x, depth);
    }

    private boolean requiredPropertyDisjoint(ObjectShape x, ObjectShape y, int depth) {
        for (ObjectShape.Prop p : x.props) {
            if (!p.required()) {
                continue;
            }
            Conj other = y.valueOf(p.name());
            if (other == null) {
                return true;
            }
            Shape a = shapes.tryOf(p.value());
            Shape b = shapes.tryOf(other);
            if (a != null && b != null && disjoint(a, b, depth - 1)) {
                return true;
            }
        }
        return false;
    }

    private boolean arraysDisjoint(ArrayShape x, ArrayShape y, int depth) {
        if (rangesDisjoint(x.minItems, x.maxItems, y.minItems, y.maxItems)) {
            return true;
        }
        if (depth == 0) {
            return false;
        }
        for (int i = 0; i < Math.min(x.minItems, y.minItems); i++) {
            Conj a = x.itemAt(i);
            Conj b = y.itemAt(i);
            if (a == null || b == null) {
                return true;
            }
            Shape sa = shapes.tryOf(a);
            Shape sb = shapes.tryOf(b);
            if (sa != null && sb != null && disjoint(sa, sb, depth - 1)) {
                return true;
            }
        }
        return false;
    }
}
