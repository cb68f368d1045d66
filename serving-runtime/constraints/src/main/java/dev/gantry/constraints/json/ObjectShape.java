package dev.gantry.constraints.json;

import dev.gantry.constraints.automaton.CompileBudget;
import dev.gantry.constraints.automaton.Dfa;
import dev.gantry.constraints.automaton.Dfas;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The objects one schema branch accepts: declared properties (in order, with value schemas and
 * whether required), classes of other keys (disjoint key languages with their value schemas, from
 * patternProperties, additionalProperties and propertyNames), and the property count bounds.
 */
final class ObjectShape {
    record Prop(String name, Conj value, boolean required) {}

    /** Keys outside the declared names whose content is in {@code keys} (null: any) take {@code value}. */
    record KeyClass(Dfa keys, Conj value) {}

    static final ObjectShape ANY = new ObjectShape(List.of(), List.of(new KeyClass(null, Conj.TRUE)), 0, -1);

    final List<Prop> props;
    final List<KeyClass> classes;
    final int minProps;
    final int maxProps;

    ObjectShape(List<Prop> props, List<KeyClass> classes, int minProps, int maxProps) {
        this.props = List.copyOf(props);
        this.classes = List.copyOf(classes);
        this.minProps = minProps;
        this.maxProps = maxProps;
    }

    Prop prop(String name) {
        for (Prop p : props) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        return null;
    }

    /** The value schema of {@code name} when it is not declared: its key class's, or null (forbidden). */
    Conj classValue(String name) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        for (KeyClass c : classes) {
            if (c.keys() == null || c.keys().matches(bytes)) {
                return c.value();
            }
        }
        return null;
    }

    /** The value schema of {@code name} in this shape, or null when the key is not allowed. */
    Conj valueOf(String name) {
        Prop p = prop(name);
        return p != null ? p.value() : classValue(name);
    }

    int requiredCount() {
        int n = 0;
        for (Prop p : props) {
            n += p.required() ? 1 : 0;
        }
        return n;
    }

    boolean isUnconstrained() {
        return props.isEmpty()
                && classes.size() == 1
                && classes.get(0).keys() == null
                && classes.get(0).value().ids.length == 0
                && minProps == 0
                && maxProps < 0;
    }

    /** Objects valid under both shapes, or null when there are none. */
    ObjectShape and(ObjectShape o, CompileBudget budget) {
        Map<String, Prop> merged = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        props.forEach(p -> names.add(p.name()));
        o.props.forEach(p -> {
            if (!names.contains(p.name())) {
                names.add(p.name());
            }
        });
        for (String n : names) {
            Prop a = prop(n);
            Prop b = o.prop(n);
            boolean required = (a != null && a.required()) || (b != null && b.required());
            Conj value = Conj.and(valueOf(n), o.valueOf(n));
            if (value == null) {
                if (required) {
                    return null;
                }
                continue;
            }
            merged.put(n, new Prop(n, value, required));
        }
        List<KeyClass> cls = new ArrayList<>();
        for (KeyClass a : classes) {
            for (KeyClass b : o.classes) {
                Dfa keys = a.keys() == null
                        ? b.keys()
                        : b.keys() == null ? a.keys() : Dfas.intersect(a.keys(), b.keys(), budget);
                if (keys == null || !keys.isEmpty()) {
                    cls.add(new KeyClass(keys, a.value().and(b.value())));
                }
            }
        }
        int min = Math.max(minProps, o.minProps);
        int max = maxProps < 0 ? o.maxProps : (o.maxProps < 0 ? maxProps : Math.min(maxProps, o.maxProps));
        if (max >= 0 && min > max) {
            return null;
        }
        return new ObjectShape(new ArrayList<>(merged.values()), cls, min, max);
    }
}
