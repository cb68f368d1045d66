package dev.gantry.constraints.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gantry.constraints.automaton.Dfa;
import dev.gantry.constraints.automaton.Dfas;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The object keywords of one schema node (properties, required, additionalProperties,
 * patternProperties, propertyNames, min/maxProperties) as an {@link ObjectShape}: keys outside the
 * declared ones are split into disjoint classes by which patterns they match.
 */
final class ObjectKeywords {
    /** patternProperties with more patterns than this would split keys into too many classes. */
    static final int MAX_PATTERNS = 4;

    private static final List<String> KEYWORDS = List.of(
            "properties",
            "required",
            "additionalProperties",
            "patternProperties",
            "propertyNames",
            "minProperties",
            "maxProperties");

    private final ShapeBuilder shapes;

    ObjectKeywords(ShapeBuilder shapes) {
        this.shapes = shapes;
    }

    Shape apply(SchemaNode n, Shape s) {
        if (s.objects.isEmpty() || KEYWORDS.stream().noneMatch(n::has)) {
            return s;
        }
        ObjectShape own = build(n);
        List<ObjectShape> out = new ArrayList<>();
        if (own != null) {
            for (ObjectShape o : s.objects) {
                ObjectShape c = o.and(own, shapes.budget);
                if (c != null) {
                    out.add(c);
                }
            }
        }
        return s.withObjects(out);
    }

    /** This node's own object constraints, or null when no object can satisfy them. */
    private ObjectShape build(SchemaNode n) {
        Set<String> required = required(n);
        Dfa names = propertyNames(n);
        List<Pattern> patterns = patterns(n);
        Conj additional = Conj.TRUE;
        if (n.has("additionalProperties")) {
            JsonNode a = n.get("additionalProperties");
            additional = a.isBoolean() && !a.asBoolean() ? null : Conj.of(n.child("additionalProperties"));
        }
        List<ObjectShape.KeyClass> classes = classes(patterns, additional, names);
        List<ObjectShape.Prop> props = new ArrayList<>();
        Set<String> declared = new LinkedHashSet<>();
        if (n.has("properties")) {
            JsonNode p = n.get("properties");
            if (!p.isObject()) {
                throw n.error("properties", "properties must be an object");
            }
            Iterator<String> it = p.fieldNames();
            while (it.hasNext()) {
                declared.add(it.next());
            }
        }
        declared.addAll(required);
        for (String name : declared) {
            byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
            boolean allowed = names == null || names.matches(bytes);
            Conj value = null;
            if (allowed) {
                value = n.has("properties") && n.get("properties").has(name)
                        ? patternValue(Conj.of(n.child("properties", name)), patterns, bytes)
                        : classValue(classes, bytes);
            }
            if (value == null) {
                if (required.contains(name)) {
                    return null;
                }
                continue;
            }
            props.add(new ObjectShape.Prop(name, value, required.contains(name)));
        }
        int min = n.has("minProperties") ? ShapeBuilder.count(n, "minProperties") : 0;
        int max = n.has("maxProperties") ? ShapeBuilder.count(n, "maxProperties") : -1;
        if (max >= 0 && min > max) {
            return null;
        }
        return new ObjectShape(props, classes, min, max);
    }

    private record Pattern(Dfa keys, Conj value) {}

    private Set<String> required(SchemaNode n) {
        Set<String> out = new LinkedHashSet<>();
        if (n.has("required")) {
            JsonNode r = n.get("required");
            if (!r.isArray()) {
                throw n.error("required", "required must be an array of strings");
            }
            for (JsonNode x : r) {
                if (!x.isTextual()) {
                    throw n.error("required", "required must be an array of strings");
                }
                out.add(x.asText());
            }
        }
        return out;
    }

    /** The key language allowed by propertyNames (null: any key). */
    private Dfa propertyNames(SchemaNode n) {
        if (!n.has("propertyNames")) {
            return null;
        }
        Shape keys = shapes.of(n.child("propertyNames"));
        Dfa lang = null;
        for (StringLang s : keys.strings) {
            Dfa d = s.folded(shapes.budget);
            lang = lang == null ? d : Dfas.union(lang, d, shapes.budget);
        }
        return lang == null ? Dfas.of(dev.gantry.constraints.automaton.Expr.NOTHING, shapes.budget) : lang;
    }

    private List<Pattern> patterns(SchemaNode n) {
        List<Pattern> out = new ArrayList<>();
        if (!n.has("patternProperties")) {
            return out;
        }
        JsonNode p = n.get("patternProperties");
        if (!p.isObject()) {
            throw n.error("patternProperties", "patternProperties must be an object");
        }
        if (p.size() > MAX_PATTERNS) {
            throw n.unsupported(
                    "patternProperties", "more than " + MAX_PATTERNS + " patternProperties are not supported");
        }
        Iterator<Map.Entry<String, JsonNode>> it = p.fields();
        while (it.hasNext()) {
            String regex = it.next().getKey();
            Dfa keys =
                    shapes.pattern(n, "patternProperties", com.fasterxml.jackson.databind.node.TextNode.valueOf(regex));
            out.add(new Pattern(keys, Conj.of(n.child("patternProperties", regex))));
        }
        return out;
    }

    /** One class per set of patterns a key can match exactly (the empty set takes additionalProperties). */
    private List<ObjectShape.KeyClass> classes(List<Pattern> patterns, Conj additional, Dfa names) {
        List<ObjectShape.KeyClass> out = new ArrayList<>();
        int subsets = 1 << patterns.size();
        for (int mask = 0; mask < subsets; mask++) {
            Dfa keys = names;
            Conj value = mask == 0 ? additional : Conj.TRUE;
            for (int i = 0; i < patterns.size() && value != null; i++) {
                Pattern p = patterns.get(i);
                if ((mask & (1 << i)) != 0) {
                    keys = keys == null ? p.keys() : Dfas.intersect(keys, p.keys(), shapes.budget);
                    value = value.and(p.value());
                } else {
                    keys = Dfas.minus(keys == null ? JsonStrings.anyContent() : keys, p.keys(), shapes.budget);
                }
            }
            if (value != null && (keys == null || !keys.isEmpty())) {
                out.add(new ObjectShape.KeyClass(keys, value));
            }
        }
        return out;
    }

    private static Conj classValue(List<ObjectShape.KeyClass> classes, byte[] name) {
        for (ObjectShape.KeyClass c : classes) {
            if (c.keys() == null || c.keys().matches(name)) {
                return c.value();
            }
        }
        return null;
    }

    /** A declared property must also satisfy every pattern its name matches. */
    private static Conj patternValue(Conj value, List<Pattern> patterns, byte[] name) {
        Conj v = value;
        for (Pattern p : patterns) {
            if (p.keys().matches(name)) {
                v = v.and(p.value());
            }
        }
        return v;
    }
}
