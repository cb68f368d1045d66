package dev.gantry.constraints.json;

import dev.gantry.constraints.ConstraintOptions;
import dev.gantry.constraints.PropertyOrder;
import dev.gantry.constraints.automaton.CodePointSet;
import dev.gantry.constraints.automaton.CompileBudget;
import dev.gantry.constraints.automaton.Dfa;
import dev.gantry.constraints.automaton.Dfas;
import dev.gantry.constraints.automaton.Expr;
import dev.gantry.constraints.automaton.IntArrayKey;
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
 * members and place commas and whitespace. Scalar-only value rules are marked for inlining.
 */
final class JsonEmitter {
    private final ShapeBuilder shapes;
    private final ConstraintOptions options;
    private final CompileBudget budget;
    private final GrammarDef def;
    private final Map<Conj, String> valueRules = new HashMap<>();
    private final Deque<Conj> pending = new ArrayDeque<>();
    private final Map<IntArrayKey, String> stringRules = new HashMap<>();
    private final Expr ws;

    private JsonEmitter(ShapeBuilder shapes, String root) {
        this.shapes = shapes;
        this.options = shapes.options;
        this.budget = shapes.budget;
        this.def = new GrammarDef(root);
        this.ws = whitespace(options.whitespace().maxRun());
    }

    static GrammarDef emit(ShapeBuilder shapes, Conj root) {
        JsonEmitter e = new JsonEmitter(shapes, "v0");
        e.valueRule(root);
        while (!e.pending.isEmpty()) {
            e.budget.checkNow();
            Conj next = e.pending.poll();
            e.define(next);
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

    private String valueRule(Conj conj) {
        String name = valueRules.get(conj);
        if (name == null) {
            name = "v" + valueRules.size();
            valueRules.put(conj, name);
            pending.add(conj);
        }
        return name;
    }

    private void define(Conj conj) {
        Shape s = shapes.of(conj);
        List<Expr> alts = new ArrayList<>();
        if (s.nul) {
            alts.add(Expr.literal("null"));
        }
        if (s.tru) {
            alts.add(Expr.literal("true"));
        }
        if (s.fls) {
            alts.add(Expr.literal("false"));
        }
        if (s.numbers != null) {
            alts.add(Expr.embed(s.numbers));
        }
        for (StringLang str : s.strings) {
            String rule = stringRule(str);
            if (rule != null) {
                alts.add(Expr.ref(rule));
            }
        }
        for (ObjectShape o : s.objects) {
            alts.add(object(o));
        }
        for (ArrayShape a : s.arrays) {
            alts.add(array(a));
        }
        boolean scalar = s.objects.isEmpty() && s.arrays.isEmpty();
        def.rule(valueRules.get(conj), Expr.alt(alts), scalar);
    }

    /** The rule for a string language, or null when it is empty. */
    private String stringRule(StringLang lang) {
        StringLang n = lang.normalized(budget);
        if (n.isFree()) {
            String name = n.isBounded() ? "string_" + n.min + "_" + n.max : "string";
            if (!def.has(name)) {
                def.rule(
                        name,
                        n.isBounded()
                                ? new GrammarDef.CountedString(JsonStrings.freeLiteral(), n.min, n.max)
                                : new GrammarDef.ExprBody(Expr.embed(JsonStrings.freeLiteral()), false));
            }
            return name;
        }
        if (n.content.isEmpty()) {
            return null;
        }
        IntArrayKey key = Dfas.canonicalKey(n.content);
        String name = stringRules.get(key);
        if (name == null) {
            name = "s" + stringRules.size();
            stringRules.put(key, name);
            def.rule(name, Expr.embed(Formats.literalOf(n.content, budget)), false);
        }
        return name;
    }

    private Expr key(String name) {
        return Expr.embed(JsonStrings.literal(JsonStrings.contentOf(name, budget), budget));
    }

    /** {@code KEY ws ":" ws VALUE ws}, with {@code "," ws} in front unless it is the first member. */
    private Expr member(Expr key, Conj value, boolean first) {
        Expr m = Expr.seq(key, ws, Expr.literal(":"), ws, Expr.ref(valueRule(value)), ws);
        return first ? m : Expr.seq(Expr.literal(","), ws, m);
    }

    private List<Expr[]> freeMembers(ObjectShape o) {
        List<Expr[]> out = new ArrayList<>();
        for (ObjectShape.KeyClass c : o.classes) {
            Dfa keys = c.keys() == null ? JsonStrings.anyContent() : c.keys();
            for (ObjectShape.Prop p : o.props) {
                keys = Dfas.minus(keys, JsonStrings.contentOf(p.name(), budget), budget);
            }
            String rule = stringRule(keys == JsonStrings.anyContent() ? StringLang.ANY : new StringLang(keys, 0, -1));
            if (rule != null) {
                out.add(new Expr[] {Expr.ref(rule), null});
                out.get(out.size() - 1)[1] = Expr.ref(valueRule(c.value()));
            }
        }
        return out;
    }

    private Expr object(ObjectShape o) {
        List<Expr[]> free = freeMembers(o);
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
        return Expr.seq(Expr.literal("{"), ws, g.toExpr());
    }

    /** Member expressions for the graph builders. */
    Expr declaredMember(ObjectShape.Prop p, boolean first) {
        return member(key(p.name()), p.value(), first);
    }

    Expr freeMember(Expr[] free, boolean first) {
        Expr m = Expr.seq(free[0], ws, Expr.literal(":"), ws, free[1], ws);
        return first ? m : Expr.seq(Expr.literal(","), ws, m);
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
                g.edge(at[j], fin, Expr.literal("]"));
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
        return Expr.seq(Expr.literal("["), ws, g.toExpr());
    }

    private Expr item(Conj value, boolean first) {
        Expr m = Expr.seq(Expr.ref(valueRule(value)), ws);
        return first ? m : Expr.seq(Expr.literal(","), ws, m);
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
