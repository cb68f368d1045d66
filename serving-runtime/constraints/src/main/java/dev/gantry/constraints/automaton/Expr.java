package dev.gantry.constraints.automaton;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A regular expression over bytes that may also reference grammar rules by name: the body of one
 * grammar rule, before it is compiled into an automaton. Every constraint kind is lowered to these.
 */
public sealed interface Expr {
    /** Matches the empty string. */
    Expr EMPTY = new Seq(List.of());
    /** Matches nothing. */
    Expr NOTHING = new Alt(List.of());

    /** One byte in [lo, hi]. */
    record ByteRange(int lo, int hi) implements Expr {}

    record Seq(List<Expr> items) implements Expr {}

    record Alt(List<Expr> options) implements Expr {}

    /** {@code max < 0} means unbounded. */
    record Repeat(Expr body, int min, int max) implements Expr {}

    /** A reference to another rule of the same grammar. */
    record Ref(String rule) implements Expr {}

    /** A ready-made automaton without rule references, inlined as is. */
    record Embed(Dfa dfa) implements Expr {}

    /**
     * An explicit graph whose edges carry expressions: compact where a tree would repeat shared tails
     * (optional object members, counted array items). Node 0 is the start; {@code finalNode} the end.
     */
    record Graph(int nodes, int finalNode, List<Edge> edges) implements Expr {
        public record Edge(int from, int to, Expr label) {}
    }

    static Expr seq(Expr... items) {
        return seq(List.of(items));
    }

    static Expr seq(List<Expr> items) {
        List<Expr> flat = new ArrayList<>();
        for (Expr e : items) {
            if (e instanceof Alt a && a.options().isEmpty()) {
                return NOTHING;
            }
            if (e instanceof Seq s) {
                flat.addAll(s.items());
            } else {
                flat.add(e);
            }
        }
        return flat.size() == 1 ? flat.get(0) : new Seq(List.copyOf(flat));
    }

    static Expr alt(Expr... options) {
        return alt(List.of(options));
    }

    static Expr alt(List<Expr> options) {
        List<Expr> flat = new ArrayList<>();
        for (Expr e : options) {
            if (e instanceof Alt a) {
                flat.addAll(a.options());
            } else {
                flat.add(e);
            }
        }
        if (flat.isEmpty()) {
            return NOTHING;
        }
        return flat.size() == 1 ? flat.get(0) : new Alt(List.copyOf(flat));
    }

    static Expr optional(Expr e) {
        return new Repeat(e, 0, 1);
    }

    static Expr star(Expr e) {
        return new Repeat(e, 0, -1);
    }

    static Expr plus(Expr e) {
        return new Repeat(e, 1, -1);
    }

    static Expr repeat(Expr e, int min, int max) {
        return new Repeat(e, min, max);
    }

    static Expr ref(String rule) {
        return new Ref(rule);
    }

    static Expr embed(Dfa dfa) {
        return new Embed(dfa);
    }

    static Expr b(int lo, int hi) {
        return new ByteRange(lo, hi);
    }

    static Expr literal(byte[] bytes) {
        List<Expr> items = new ArrayList<>();
        for (byte x : bytes) {
            items.add(new ByteRange(x & 0xFF, x & 0xFF));
        }
        return seq(items);
    }

    static Expr literal(String text) {
        return literal(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Any one code point of the set, as its UTF-8 bytes. */
    static Expr codePoints(CodePointSet set) {
        List<Expr> options = new ArrayList<>();
        for (int[] seq : Utf8Sequences.of(set)) {
            List<Expr> items = new ArrayList<>();
            for (int i = 0; i < seq.length; i += 2) {
                items.add(new ByteRange(seq[i], seq[i + 1]));
            }
            options.add(seq(items));
        }
        return options.isEmpty() ? NOTHING : alt(options);
    }
}
