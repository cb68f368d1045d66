package dev.gantry.constraints.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gantry.constraints.ConstraintOptions;
import dev.gantry.constraints.automaton.CompileBudget;
import dev.gantry.constraints.automaton.Dfa;
import dev.gantry.constraints.automaton.Dfas;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Computes the {@link Shape} of each schema node from its keywords: type, the per-type keywords,
 * enum and const, and the applicators ($ref, allOf, anyOf, oneOf, not) as set operations. Memoised per
 * node and per conjunction; a $ref cycle that never passes through a property or item is refused.
 */
final class ShapeBuilder {
    private final SchemaDocument doc;
    final ConstraintOptions options;
    final CompileBudget budget;
    private final Map<Integer, Shape> byNode = new HashMap<>();
    private final Map<Conj, Shape> byConj = new HashMap<>();
    private final Set<Integer> inProgress = new HashSet<>();
    private final ShapeLogic logic;
    private final ObjectKeywords objects;
    private final ScalarKeywords scalars;
    private final ArrayKeywords arrays;

    ShapeBuilder(SchemaDocument doc, ConstraintOptions options, CompileBudget budget) {
        this.doc = doc;
        this.options = options;
        this.budget = budget;
        this.logic = new ShapeLogic(this);
        this.objects = new ObjectKeywords(this);
        this.scalars = new ScalarKeywords(this);
        this.arrays = new ArrayKeywords(this);
    }

    SchemaDocument doc() {
        return doc;
    }

    Shape of(Conj conj) {
        Shape s = byConj.get(conj);
        if (s == null) {
            s = Shape.any();
            for (int id : conj.ids) {
                s = s.and(of(doc.byId(id)), budget);
            }
            byConj.put(conj, s);
        }
        return s;
    }

    /** The shape of {@code conj}, or null while one of its nodes is still being built (a cycle). */
    Shape tryOf(Conj conj) {
        for (int id : conj.ids) {
            if (inProgress.contains(id)) {
                return null;
            }
        }
        return of(conj);
    }

    Shape of(SchemaNode node) {
        Shape s = byNode.get(node.id);
        if (s != null) {
            return s;
        }
        if (!inProgress.add(node.id)) {
            throw node.unsupported(
                    "$ref", "the schema refers to itself without a property or item in between (infinite recursion)");
        }
        budget.checkNow();
        s = build(node);
        inProgress.remove(node.id);
        byNode.put(node.id, s);
        return s;
    }

    private Shape build(SchemaNode n) {
        if (n.isBoolean()) {
            return n.json.asBoolean() ? Shape.any() : Shape.NONE;
        }
        Shape s = typeShape(n);
        s = scalars.numbers(n, s);
        s = scalars.strings(n, s);
        s = objects.apply(n, s);
        s = arrays.apply(n, s);
        if (n.has("enum")) {
            JsonNode values = n.get("enum");
            if (!values.isArray()) {
                throw n.error("enum", "enum must be an array");
            }
            Shape e = Shape.NONE;
            for (JsonNode v : values) {
                e = e.or(valueShape(v), budget);
            }
            s = s.and(e, budget);
        }
        if (n.has("const")) {
            s = s.and(valueShape(n.get("const")), budget);
        }
        if (n.has("$ref")) {
            if (!n.get("$ref").isTextual()) {
                throw n.error("$ref", "$ref must be a string");
            }
            s = s.and(of(doc.resolve(n.get("$ref").asText(), n.at("$ref"))), budget);
        }
        for (SchemaNode c : children(n, "allOf")) {
            s = s.and(of(c), budget);
        }
        if (n.has("anyOf")) {
            Shape u = Shape.NONE;
            for (SchemaNode c : children(n, "anyOf")) {
                u = u.or(of(c), budget);
            }
            s = s.and(u, budget);
        }
        if (n.has("oneOf")) {
            List<Shape> alts = new ArrayList<>();
            for (SchemaNode c : children(n, "oneOf")) {
                alts.add(of(c).and(s, budget));
            }
            s = logic.exactlyOne(alts, n);
        }
        if (n.has("not")) {
            s = s.and(logic.complement(of(n.child("not")).and(s, budget), n, "not"), budget);
        }
        if (n.has("if")) {
            Shape cond = of(n.child("if")).and(s, budget);
            Shape then = n.has("then") ? of(n.child("then")) : Shape.any();
            Shape otherwise = n.has("else") ? of(n.child("else")) : Shape.any();
            Shape yes = cond.and(then, budget);
            Shape no = logic.complement(cond, n, "if").and(otherwise, budget);
            s = s.and(yes.or(no, budget), budget);
        }
        return s;
    }

    private List<SchemaNode> children(SchemaNode n, String keyword) {
        List<SchemaNode> out = new ArrayList<>();
        if (!n.has(keyword)) {
            return out;
        }
        JsonNode list = n.get(keyword);
        if (!list.isArray() || list.isEmpty()) {
            throw n.error(keyword, keyword + " must be a non-empty array of schemas");
        }
        for (int i = 0; i < list.size(); i++) {
            out.add(n.child(keyword, i));
        }
        return out;
    }

    private Shape typeShape(SchemaNode n) {
        if (!n.has("type")) {
            return Shape.any();
        }
        JsonNode t = n.get("type");
        List<String> types = new ArrayList<>();
        if (t.isTextual()) {
            types.add(t.asText());
        } else if (t.isArray()) {
            t.forEach(x -> types.add(x.asText()));
        } else {
            throw n.error("type", "type must be a string or an array of strings");
        }
        boolean nul = false;
        boolean bool = false;
        Dfa numbers = null;
        List<StringLang> strings = new ArrayList<>();
        List<ObjectShape> objs = new ArrayList<>();
        List<ArrayShape> arrays = new ArrayList<>();
        for (String type : types) {
            switch (type) {
                case "null" -> nul = true;
                case "boolean" -> bool = true;
                case "integer" -> numbers = numbers == null ? NumberLanguages.integers() : numbers;
                case "number" -> numbers = NumberLanguages.any();
                case "string" -> strings.add(StringLang.ANY);
                case "object" -> objs.add(ObjectShape.ANY);
                case "array" -> arrays.add(ArrayShape.ANY);
                default -> throw n.error("type", "unknown type '" + type + "'");
            }
        }
        return new Shape(nul, bool, bool, numbers, strings, objs, arrays);
    }

    /** The content language of a pattern (see {@link ScalarKeywords#pattern}). */
    Dfa pattern(SchemaNode n, String keyword, JsonNode value) {
        return scalars.pattern(n, keyword, value);
    }

    static BigDecimal decimal(SchemaNode n, String keyword) {
        return ScalarKeywords.decimal(n, keyword);
    }

    static int count(SchemaNode n, String keyword) {
        return ScalarKeywords.count(n, keyword);
    }

    /** The shape of exactly one JSON value (enum and const members). */
    Shape valueShape(JsonNode v) {
        if (v.isNull()) {
            return new Shape(true, false, false, null, List.of(), List.of(), List.of());
        }
        if (v.isBoolean()) {
            return new Shape(false, v.asBoolean(), !v.asBoolean(), null, List.of(), List.of(), List.of());
        }
        if (v.isNumber()) {
            String lit = NumberLanguages.canonical(v.decimalValue());
            return Shape.NONE.withNumbers(Dfas.of(dev.gantry.constraints.automaton.Expr.literal(lit), budget));
        }
        if (v.isTextual()) {
            return Shape.NONE.withStrings(List.of(new StringLang(JsonStrings.contentOf(v.asText(), budget), 0, -1)));
        }
        if (v.isArray()) {
            List<Conj> items = new ArrayList<>();
            v.forEach(x -> items.add(Conj.of(doc.constant(x))));
            return Shape.NONE.withArrays(List.of(new ArrayShape(items, null, v.size(), v.size())));
        }
        List<ObjectShape.Prop> props = new ArrayList<>();
        v.fields()
                .forEachRemaining(
                        e -> props.add(new ObjectShape.Prop(e.getKey(), Conj.of(doc.constant(e.getValue())), true)));
        return Shape.NONE.withObjects(List.of(new ObjectShape(props, List.of(), v.size(), v.size())));
    }
}
