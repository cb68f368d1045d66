package dev.gantry.constraints.json;

import dev.gantry.constraints.ConstraintOptions;
import dev.gantry.constraints.PropertyOrder;
import dev.gantry.constraints.automaton.CodePointSet;
import dev.gantry.constraints.automaton.CompileBudget;
import dev.gantry.constraints.automaton.Dfa;
import dev.gantry.constraints.automaton.Dfas;
import dev.gantry.constraints.automaton.Expr;
import dev.gantry.constraints.grammar.GrammarDef;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes shapes out as a grammar: one rule per value schema (a conjunction of schema nodes), string
 * lexemes as separate rules (shared across constraints), objects and arrays as graphs that count
 * members and place commas and whitespace. Whitespace in front of a referenced rule is moved into
 * that rule (a "leading-whitespace" variant), so that a token like {@code " \"abc"} is classified by
 * the string rule alone instead of crossing a rule boundary. Scalar-only value rules are inlined.
 */
final class JsonEmitter {
    private final ShapeBuilder shapes;
    private final ConstraintOptions options;
    private final CompileBudget budget;
    private final GrammarDef def;
    private final Map<List<Object>, String> valueRules = new HashMap<>();
    private final Deque<Object[]> pending = new ArrayDeque<>();
    private final Map<List<Object>, String> stringRules = new HashMap<>();
    private final Expr ws;
    private final boolean hasWs;

    private JsonEmitter(ShapeBuilder shapes, String root) {
        this.shapes = shapes;
        this.options = shapes.options;
        this.budget = shapes.budget;
        this.def = new GrammarDef(root);
        this.ws = whitespace(options.whitespace().maxRun());
        this.hasWs = options.whitespace().maxRun() != 0;
    }

    static GrammarDef emit(ShapeBuilder shapes, Conj root) {
        JsonEmitter e = new JsonEmitter(shapes, "v0");
        e.valueRule(root, false);
        while (!e.pending.isEmpty()) {
            e.budget.checkNow();
            Object[] next = e.pending.poll();
            e.define((Conj) next[0], (Boolean) next[1], (String) next[2]);
        }
        return e.def;
    }

    private static Expr whitespace(int maxRun) {
        Expr c = Expr.codePoints(CodePointSet.ofChars(" \t\n\r"));
        if (maxRun == 0) {
            return Expr.EMPTY;
        }
        return maxRun < 0 ? Expr.star(c) : Expr.repeat(c, 0, maxRun);
    }

    /** The rule for values of {@code conj}, with optional whitespace in front when {@code leadingWs}. */
    private String valueRule(Conj conj, boolean leadingWs) {
        boolean lead = leadingWs && hasWs;
        List<Object> key = List.of(conj, lead);
        String name = valueRules.get(key);
        if (name == null) {
            name = (lead ? "w" : "v") + valueRules.size();
            valueRules.put(key, name);
            pending.add(new Object[] {conj, lead, name});
        }
        return name;
    }

    private Expr value(Conj conj, boolean leadingWs) {
        return Expr.ref(valueRule(conj, leadingWs));
    }

    private void define(Conj conj, boolean lead, String name) {
        Shape s = shapes.of(conj);
        Expr pre = lead ? ws : Expr.EMPTY;
        List<Expr> alts = new ArrayList<>();
        if (s.nul) {
            alts.add(Expr.seq(pre, Expr.literal("null")));
        }
        if (s.tru) {
            alts.add(Expr.seq(pre, Expr.literal("true")));
        }
        if (s.fls) {
            alts.add(Expr.seq(pre, Expr.literal("false")));
        }
        if (s.numbers != null) {
            alts.add(Expr.seq(pre, Expr.embed(s.numbers)));
        }
        for (StringLang str : s.strings) {
            String rule = stringRule(str, lead);
            if (rule != null) {
                alts.add(Expr.ref(rule));
            }
        }
        for (ObjectShape o : s.objects) {
            alts.add(Expr.seq(pre, object(o)));
        }
        for (ArrayShape a : s.arrays) {
            alts.add(Expr.seq(pre, array(a)));
        }
        boolean scalar = s.objects.isEmpty() && s.arrays.isEmpty();
        def.rule(name, Expr.alt(alts), scalar);
    }

    /** The rule for a string language (with leading whitespace when {@code lead}), or null when empty. */
    private String stringRule(StringLang lang, boolean lead) {
        String base = stringRule(lang);
        if (base == null || !lead || !hasWs) {
            return base;
        }
        String name = "ws_" + base;
        if (!def.has(name)) {
            def.rule(name, new GrammarDef.LeadingWs(base, options.whitespace().maxRun()));
        }
        return name;
    }

    private String stringRule(StringLang n) {
        if (n.isFree()) {
            String name = n.isBounded() ? "string_" + n.min + "_" + n.max : "string";
            if (!def.has(name)) {
                Dfa literal = JsonStrings.freeLiteral();
                def.rule(
                        name,
                        n.isBounded()
                                ? new GrammarDef.CountedString(literal, n.min, n.max)
                                : new GrammarDef.ExprBody(Expr.embed(literal), false));
            }
            return name;
        }
        if (n.content.isEmpty()) {
            return null;
        }
        List<Object> key = List.of(Dfas.canonicalKey(n.content), n.min, n.max);
        String name = stringRules.get(key);
        if (name == null) {
            name = "s" + stringRules.size();
            stringRules.put(key, name);
            Dfa literal = Formats.literalOf(n.content, budget);
            def.rule(
                    name,
                    n.isBounded()
                            ? new GrammarDef.BoundedString(literal, n.min, n.max)
                            : new GrammarDef.ExprBody(Expr.embed(literal), false));
        }
        return name;
    }

    private Expr key(String name) {
        return Expr.embed(JsonStrings.literal(JsonStrings.contentOf(name, budget), budget));
    }

    /** Free keys: one (key rule, value schema) per key class, keys minus the declared names. */
    private List<FreeMember> freeMembers(ObjectShape o) {
        List<FreeMember> out = new ArrayList<>();
        for (ObjectShape.KeyClass c : o.classes) {
            Dfa keys = c.keys() == null ? JsonStrings.anyContent() : c.keys();
            for (ObjectShape.Prop p : o.props) {
                keys = Dfas.minus(keys, JsonStrings.contentOf(p.name(), budget), budget);
            }
            StringLang lang = keys == JsonStrings.anyContent() ? StringLang.ANY : new StringLang(keys, 0, -1);
            String rule = stringRule(lang, true);
            if (rule != null) {
                out.add(new FreeMember(rule, c.value()));
            }
        }
        return out;
    }

    record FreeMember(String keyRule, Conj value) {}

    private Expr object(ObjectShape o) {
        List<FreeMember> free = freeMembers(o);
        if (o.minProps >= 2 && !free.isEmpty()) {
            throw new dev.gantry.constraints.ConstraintException(
                    dev.gantry.constraints.ConstraintException.Reason.UNSUPPORTED,
                    "minProperties " + o.minProps + " on an object that also allows undeclared keys is not supported:"
                            + " a grammar cannot keep those keys distinct, so the count could be met by repeating one key",
                    null,
                    "minProperties");
        }
        Graph g = options.propertyOrder() == PropertyOrder.ANY
                ? ObjectGraphs.anyOrder(this, o, free, options.maxAnyOrderProperties())
                : ObjectGraphs.declaredOrder(this, o, free);
        return Expr.seq(Expr.literal("{"), g.toExpr());
    }

    /** {@code [","] ws KEY ws ":" VALUE ws} (the value rule brings its own leading whitespace). */
    Expr declaredMember(ObjectShape.Prop p, boolean first) {
        return Expr.seq(comma(first), ws, key(p.name()), ws, Expr.literal(":"), value(p.value(), true), ws);
    }

    /** {@code [","] KEY ws ":" VALUE ws}, the key rule bringing its leading whitespace. */
    Expr freeMember(FreeMember f, boolean first) {
        return Expr.seq(comma(first), Expr.ref(f.keyRule()), ws, Expr.literal(":"), value(f.value(), true), ws);
    }

    /** The closing brace: after {@code ws} when no member was written (members end with whitespace). */
    Expr close(boolean empty) {
        return empty ? Expr.seq(ws, Expr.literal("}")) : Expr.literal("}");
    }

    private static Expr comma(boolean first) {
        return first ? Expr.EMPTY : Expr.literal(",");
    }

    private Expr array(ArrayShape a) {
        int p = a.prefix.size();
        int max = a.maxItems;
        int last = max >= 0 ? max : Math.max(Math.max(p, a.minItems), 1);
        Graph g = new Graph();
        int fin = g.node();
        int[] at = new int[last + 1];
        for (int j = 0; j <= last; j++) {
            at[j] = g.node();
        }
        g.start = at[0];
        for (int j = 0; j <= last; j++) {
            budget.check();
            if (j >= a.minItems) {
                g.edge(at[j], fin, j == 0 ? Expr.seq(ws, Expr.literal("]")) : Expr.literal("]"));
            }
            Conj item = a.itemAt(j);
            if (j < last && item != null) {
                g.edge(at[j], at[j + 1], item(item, j == 0));
            }
        }
        if (max < 0 && a.items != null) {
            g.edge(at[last], at[last], item(a.items, false));
        }
        g.end = fin;
        return Expr.seq(Expr.literal("["), g.toExpr());
    }

    /** {@code [","] VALUE ws}, the value rule bringing its leading whitespace. */
    private Expr item(Conj value, boolean first) {
        return Expr.seq(comma(first), value(value, true), ws);
    }

    /** A small mutable graph, turned into {@link Expr.Graph} (start node renumbered to 0). */
    static final class Graph {
        private final List<int[]> edges = new ArrayList<>();
        private final List<Expr> labels = new ArrayList<>();
        private int nodes;
        int start;
        int end;

        int node() {
            return nodes++;
        }

        void edge(int from, int to, Expr label) {
            edges.add(new int[] {from, to});
            labels.add(label);
        }

        Expr toExpr() {
            List<Expr.Graph.Edge> out = new ArrayList<>();
            for (int i = 0; i < edges.size(); i++) {
                out.add(new Expr.Graph.Edge(swap(edges.get(i)[0]), swap(edges.get(i)[1]), labels.get(i)));
            }
            return new Expr.Graph(nodes, swap(end), out);
        }

        private int swap(int n) {
            return n == start ? 0 : n == 0 ? start : n;
        }
    }
}
