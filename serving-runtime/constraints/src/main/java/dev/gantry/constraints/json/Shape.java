package dev.gantry.constraints.json;

import dev.gantry.constraints.automaton.CompileBudget;
import dev.gantry.constraints.automaton.Dfa;
import dev.gantry.constraints.automaton.Dfas;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON values a schema accepts, split by JSON type: whether null, true and false are allowed, the
 * language of number literals, and lists of alternative string, object and array shapes. allOf,
 * anyOf, oneOf, not and enum become set operations on these parts.
 */
final class Shape {
    /** More alternatives than this (from intersecting unions) is refused as too large. */
    static final int MAX_ALTERNATIVES = 64;

    static final Shape NONE = new Shape(false, false, false, null, List.of(), List.of(), List.of());

    final boolean nul;
    final boolean tru;
    final boolean fls;
    final Dfa numbers;
    final List<StringLang> strings;
    final List<ObjectShape> objects;
    final List<ArrayShape> arrays;

    Shape(
            boolean nul,
            boolean tru,
            boolean fls,
            Dfa numbers,
            List<StringLang> strings,
            List<ObjectShape> objects,
            List<ArrayShape> arrays) {
        this.nul = nul;
        this.tru = tru;
        this.fls = fls;
        this.numbers = numbers == null || numbers.isEmpty() ? null : numbers;
        this.strings = List.copyOf(strings);
        this.objects = List.copyOf(objects);
        this.arrays = List.copyOf(arrays);
    }

    static Shape any() {
        return new Shape(
                true,
                true,
                true,
                NumberLanguages.any(),
                List.of(StringLang.ANY),
                List.of(ObjectShape.ANY),
                List.of(ArrayShape.ANY));
    }

    boolean isEmpty() {
        return !nul && !tru && !fls && numbers == null && strings.isEmpty() && objects.isEmpty() && arrays.isEmpty();
    }

    Shape withNumbers(Dfa n) {
        return new Shape(nul, tru, fls, n, strings, objects, arrays);
    }

    Shape withStrings(List<StringLang> s) {
        return new Shape(nul, tru, fls, numbers, s, objects, arrays);
    }

    Shape withObjects(List<ObjectShape> o) {
        return new Shape(nul, tru, fls, numbers, strings, o, arrays);
    }

    Shape withArrays(List<ArrayShape> a) {
        return new Shape(nul, tru, fls, numbers, strings, objects, a);
    }

    Shape and(Shape o, CompileBudget budget) {
        Dfa n = numbers == null || o.numbers == null ? null : Dfas.intersect(numbers, o.numbers, budget);
        List<StringLang> s = new ArrayList<>();
        for (StringLang a : strings) {
            for (StringLang b : o.strings) {
                StringLang c = a.and(b, budget);
                if (!c.isEmpty()) {
                    s.add(c);
                }
            }
        }
        List<ObjectShape> obj = new ArrayList<>();
        for (ObjectShape a : objects) {
            for (ObjectShape b : o.objects) {
                ObjectShape c = a.and(b, budget);
                if (c != null) {
                    obj.add(c);
                }
            }
        }
        List<ArrayShape> arr = new ArrayList<>();
        for (ArrayShape a : arrays) {
            for (ArrayShape b : o.arrays) {
                ArrayShape c = a.and(b);
                if (c != null) {
                    arr.add(c);
                }
            }
        }
        checkSize(s.size() + obj.size() + arr.size());
        return new Shape(nul && o.nul, tru && o.tru, fls && o.fls, n, s, obj, arr);
    }

    Shape or(Shape o, CompileBudget budget) {
        Dfa n = numbers == null ? o.numbers : o.numbers == null ? numbers : Dfas.union(numbers, o.numbers, budget);
        List<StringLang> s = new ArrayList<>(strings);
        s.addAll(o.strings);
        List<ObjectShape> obj = new ArrayList<>(objects);
        obj.addAll(o.objects);
        List<ArrayShape> arr = new ArrayList<>(arrays);
        arr.addAll(o.arrays);
        checkSize(s.size() + obj.size() + arr.size());
        return new Shape(nul || o.nul, tru || o.tru, fls || o.fls, n, s, obj, arr);
    }

    private static void checkSize(int alternatives) {
        if (alternatives > MAX_ALTERNATIVES) {
            throw new dev.gantry.constraints.ConstraintException(
                    dev.gantry.constraints.ConstraintException.Reason.LIMIT_EXCEEDED,
                    "the schema combines into more than " + MAX_ALTERNATIVES
                            + " alternatives (allOf over anyOf/oneOf)");
        }
    }
}
