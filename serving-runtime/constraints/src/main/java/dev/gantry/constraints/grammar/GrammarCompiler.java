package dev.gantry.constraints.grammar;

import dev.gantry.constraints.ConstraintException;
import dev.gantry.constraints.automaton.CompileBudget;
import dev.gantry.constraints.automaton.Dfa;
import dev.gantry.constraints.automaton.Dfas;
import dev.gantry.constraints.automaton.Expr;
import dev.gantry.constraints.engine.BoundedLexemeRule;
import dev.gantry.constraints.engine.CountedStringRule;
import dev.gantry.constraints.engine.DfaRule;
import dev.gantry.constraints.engine.LeadingWsRule;
import dev.gantry.constraints.engine.Rule;
import dev.gantry.constraints.engine.TokenIndex;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compiles a {@link GrammarDef} into bound {@link Rule}s: inlines non-recursive helper rules, builds
 * one minimal automaton per remaining rule, drops what can never match, refuses left recursion (the
 * pushdown matcher would loop on it), and shares reference-free lexemes through the vocabulary's
 * {@link TokenIndex}.
 */
public final class GrammarCompiler {
    private final GrammarDef def;
    private final CompileBudget budget;
    private final Map<String, Expr> inlined = new HashMap<>();
    private final Set<String> recursive;

    private GrammarCompiler(GrammarDef def, CompileBudget budget) {
        this.def = def;
        this.budget = budget;
        checkReferences();
        this.recursive = GrammarGraph.recursiveRules(def);
    }

    /** The compiled grammar: its root rule and every rule reachable from it. */
    public record Compiled(Rule root, List<Rule> rules, Map<String, Dfa> automata) {}

    public static Compiled compile(GrammarDef def, TokenIndex index, CompileBudget budget) {
        return new GrammarCompiler(def, budget).run(index);
    }

    /** Builds the automata only, without binding to a vocabulary (for byte-level matching). */
    public static Map<String, Dfa> automata(GrammarDef def, CompileBudget budget) {
        return new GrammarCompiler(def, budget).buildAutomata();
    }

    private void checkReferences() {
        if (!def.has(def.root())) {
            throw ConstraintException.invalid("the grammar has no rule '" + def.root() + "'");
        }
        for (Map.Entry<String, GrammarDef.Body> e : def.rules().entrySet()) {
            if (e.getValue() instanceof GrammarDef.ExprBody b) {
                for (String ref : GrammarGraph.refs(b.expr())) {
                    if (!def.has(ref)) {
                        throw ConstraintException.invalid(
                                "rule '" + e.getKey() + "' refers to undefined rule '" + ref + "'");
                    }
                }
            }
        }
    }

    private Compiled run(TokenIndex index) {
        Map<String, Dfa> automata = buildAutomata();
        Map<String, Rule> rules = new LinkedHashMap<>();
        for (Map.Entry<String, Dfa> e : automata.entrySet()) {
            if (!(def.body(e.getKey()) instanceof GrammarDef.LeadingWs)) {
                rules.put(e.getKey(), makeRule(e.getKey(), e.getValue(), index));
            }
        }
        for (Map.Entry<String, Dfa> e : automata.entrySet()) {
            if (def.body(e.getKey()) instanceof GrammarDef.LeadingWs w) {
                Rule inner = rules.get(w.inner());
                rules.put(
                        e.getKey(),
                        index.intern(
                                List.of("leading-ws", inner.uid(), w.maxRun()),
                                () -> new LeadingWsRule(e.getKey(), inner, w.maxRun())));
            }
        }
        for (Map.Entry<String, Rule> e : rules.entrySet()) {
            if (e.getValue() instanceof DfaRule r
                    && r.dfa() == automata.get(e.getKey())
                    && r.dfa().hasRefs()) {
                Rule[] bound = new Rule[r.dfa().symbols().size()];
                for (int i = 0; i < bound.length; i++) {
                    bound[i] = rules.get(r.dfa().symbols().get(i));
                }
                r.bind(bound);
            }
        }
        return new Compiled(rules.get(def.root()), List.copyOf(rules.values()), automata);
    }

    private Rule makeRule(String name, Dfa dfa, TokenIndex index) {
        GrammarDef.Body body = def.body(name);
        if (body instanceof GrammarDef.CountedString c) {
            Object profileKey = Dfas.canonicalKey(c.literal());
            return index.intern(
                    List.of("counted", profileKey, c.min(), c.max()),
                    () -> new CountedStringRule(
                            name, c.literal(), c.min(), c.max() < 0 ? Long.MAX_VALUE : c.max(), profileKey));
        }
        if (body instanceof GrammarDef.BoundedString b) {
            return index.intern(
                    List.of("bounded", Dfas.canonicalKey(b.literal()), b.min(), b.max()),
                    () -> new BoundedLexemeRule(name, b.literal(), b.min(), b.max()));
        }
        if (!dfa.hasRefs()) {
            return index.intern(List.of("lexeme", Dfas.canonicalKey(dfa)), () -> new DfaRule(name, dfa));
        }
        return new DfaRule(name, dfa);
    }

    /** One automaton per rule reachable from the root after inlining (counted strings: their literal). */
    private Map<String, Dfa> buildAutomata() {
        Map<String, Dfa> automata = new LinkedHashMap<>();
        List<String> todo = new ArrayList<>(List.of(def.root()));
        Set<String> seen = new LinkedHashSet<>(todo);
        for (int i = 0; i < todo.size(); i++) {
            budget.checkNow();
            String name = todo.get(i);
            GrammarDef.Body body = def.body(name);
            Dfa dfa;
            if (body instanceof GrammarDef.CountedString c) {
                dfa = c.literal();
            } else if (body instanceof GrammarDef.LeadingWs w) {
                dfa = Dfas.of(Expr.ref(w.inner()), budget);
            } else if (body instanceof GrammarDef.BoundedString b) {
                dfa = b.literal();
            } else if (body instanceof GrammarDef.ExprBody e && e.expr() instanceof Expr.Embed em) {
                dfa = em.dfa(); // already minimal
            } else {
                dfa = Dfas.of(expand(name), budget);
            }
            automata.put(name, dfa);
            for (String ref : dfa.symbols()) {
                if (seen.add(ref)) {
                    todo.add(ref);
                }
            }
        }
        return GrammarAnalysis.prune(automata, def, budget);
    }

    /** The rule's body with inlinable references replaced by their bodies. */
    private Expr expand(String name) {
        GrammarDef.ExprBody body = (GrammarDef.ExprBody) def.body(name);
        return substitute(body.expr());
    }

    private Expr substitute(Expr e) {
        budget.check();
        if (e instanceof Expr.Ref r) {
            if (canInline(r.rule())) {
                Expr done = inlined.get(r.rule());
                if (done == null) {
                    done = substitute(((GrammarDef.ExprBody) def.body(r.rule())).expr());
                    inlined.put(r.rule(), done);
                }
                return done;
            }
            return e;
        } else if (e instanceof Expr.Seq s) {
            List<Expr> items = new ArrayList<>();
            s.items().forEach(x -> items.add(substitute(x)));
            return Expr.seq(items);
        } else if (e instanceof Expr.Alt a) {
            List<Expr> options = new ArrayList<>();
            a.options().forEach(x -> options.add(substitute(x)));
            return Expr.alt(options);
        } else if (e instanceof Expr.Repeat r) {
            return new Expr.Repeat(substitute(r.body()), r.min(), r.max());
        } else if (e instanceof Expr.Graph g) {
            List<Expr.Graph.Edge> edges = new ArrayList<>();
            g.edges().forEach(x -> edges.add(new Expr.Graph.Edge(x.from(), x.to(), substitute(x.label()))));
            return new Expr.Graph(g.nodes(), g.finalNode(), edges);
        }
        return e;
    }

    private boolean canInline(String rule) {
        return def.body(rule) instanceof GrammarDef.ExprBody b
                && b.inline()
                && !recursive.contains(rule)
                && !rule.equals(def.root());
    }
}
