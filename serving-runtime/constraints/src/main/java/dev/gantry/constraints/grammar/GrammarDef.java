package dev.gantry.constraints.grammar;

import dev.gantry.constraints.automaton.Dfa;
import dev.gantry.constraints.automaton.Expr;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A grammar before compilation: named rules whose bodies are byte-level regular expressions with rule
 * references, plus counted JSON strings. Every constraint kind (choice, regex, JSON Schema, GBNF)
 * lowers to this one form.
 */
public final class GrammarDef {
    /** A rule body. */
    public sealed interface Body {}

    /**
     * A rule defined by an expression. {@code inline}: the compiler may paste the body into the
     * rules that use it (when it is not recursive), which makes their automata larger but their
     * masks cheaper; rules that stay separate share token-mask caches across constraints.
     */
    public record ExprBody(Expr expr, boolean inline) implements Body {}

    /**
     * A JSON string literal whose content length in characters lies in [min, max] ({@code max < 0}:
     * unbounded), over the free string automaton {@code literal}.
     */
    public record CountedString(Dfa literal, int min, long max) implements Body {}

    /**
     * A JSON string literal automaton (with quotes) whose content length in characters lies in [min,
     * max] ({@code max < 0}: unbounded): a pattern or format with length bounds.
     */
    public record BoundedString(Dfa literal, int min, long max) implements Body {}

    /** The lexeme rule {@code inner} with up to {@code maxRun} whitespace bytes in front (-1: any). */
    public record LeadingWs(String inner, int maxRun) implements Body {}

    private final Map<String, Body> rules = new LinkedHashMap<>();
    private final String root;

    public GrammarDef(String root) {
        this.root = root;
    }

    public GrammarDef rule(String name, Expr body, boolean inline) {
        rules.put(name, new ExprBody(body, inline));
        return this;
    }

    public GrammarDef rule(String name, Body body) {
        rules.put(name, body);
        return this;
    }

    public boolean has(String name) {
        return rules.containsKey(name);
    }

    public Body body(String name) {
        return rules.get(name);
    }

    public Map<String, Body> rules() {
        return Collections.unmodifiableMap(rules);
    }

    public String root() {
        return root;
    }
}
