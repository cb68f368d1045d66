package dev.gantry.constraints;

import dev.gantry.constraints.engine.CompiledGrammar;
import java.nio.charset.StandardCharsets;

/**
 * A constraint compiled for one vocabulary: immutable, thread-safe, shared by every request that uses
 * the same constraint (its token-mask caches warm up across them). Hands out one {@link Matcher} per
 * sequence, and checks whole outputs with {@link #matches(String)}.
 */
public final class CompiledConstraint {
    private final Constraint constraint;
    private final ConstraintOptions options;
    private final Vocabulary vocabulary;
    private final CompiledGrammar grammar;
    private final long compileNanos;
    private final ConstraintMetrics metrics;

    CompiledConstraint(
            Constraint constraint,
            ConstraintOptions options,
            Vocabulary vocabulary,
            CompiledGrammar grammar,
            long compileNanos,
            ConstraintMetrics metrics) {
        this.constraint = constraint;
        this.options = options;
        this.vocabulary = vocabulary;
        this.grammar = grammar;
        this.compileNanos = compileNanos;
        this.metrics = metrics;
    }

    public Matcher newMatcher() {
        return new Matcher(grammar.newMatcher(), constraint.kind(), metrics);
    }

    /** Whether {@code text} (as UTF-8) is a complete output allowed by the constraint. */
    public boolean matches(String text) {
        return matches(text.getBytes(StandardCharsets.UTF_8));
    }

    public boolean matches(byte[] utf8) {
        return grammar.matches(utf8);
    }

    /** Whether {@code text} can still be continued into an allowed output. */
    public boolean isViablePrefix(String text) {
        return grammar.isViablePrefix(text.getBytes(StandardCharsets.UTF_8));
    }

    public Constraint constraint() {
        return constraint;
    }

    public ConstraintKind kind() {
        return constraint.kind();
    }

    public ConstraintOptions options() {
        return options;
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    public long compileNanos() {
        return compileNanos;
    }

    /** Approximate heap bytes, growing as mask caches fill (shared per-vocabulary data excluded). */
    public long estimatedBytes() {
        return grammar.estimatedBytes();
    }

    /** Number of memoised context resolutions (diagnostics). */
    public int memoSize() {
        return grammar.memoSize();
    }
}
