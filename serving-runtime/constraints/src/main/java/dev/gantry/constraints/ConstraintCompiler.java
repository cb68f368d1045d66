package dev.gantry.constraints;

import com.fasterxml.jackson.databind.node.BooleanNode;
import dev.gantry.constraints.automaton.CompileBudget;
import dev.gantry.constraints.automaton.Expr;
import dev.gantry.constraints.engine.CompiledGrammar;
import dev.gantry.constraints.grammar.GbnfParser;
import dev.gantry.constraints.grammar.GrammarCompiler;
import dev.gantry.constraints.grammar.GrammarDef;
import dev.gantry.constraints.json.JsonSchemaCompiler;
import dev.gantry.constraints.regex.RegexParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/**
 * Compiles constraints for a vocabulary and caches the results by (constraint, options, vocabulary),
 * so a schema sent with every request is compiled once. Concurrent requests for the same constraint
 * wait for one compilation. Thread-safe; the runtime keeps one instance.
 */
public final class ConstraintCompiler {
    private final int capacity;
    private final ConstraintMetrics metrics;
    private final Map<String, CompiledConstraint> cache;
    private final ConcurrentHashMap<String, CompletableFuture<CompiledConstraint>> inFlight = new ConcurrentHashMap<>();

    /** @param capacity how many compiled constraints to keep (least recently used ones are dropped) */
    public ConstraintCompiler(int capacity, ConstraintMetrics metrics) {
        this.capacity = capacity;
        this.metrics = metrics;
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CompiledConstraint> eldest) {
                return size() > ConstraintCompiler.this.capacity;
            }
        };
    }

    public ConstraintCompiler() {
        this(256, ConstraintMetrics.NONE);
    }

    /**
     * The compiled form of {@code constraint} for {@code vocabulary}, from the cache when present.
     *
     * @throws ConstraintException when the constraint is malformed, unsupported, too large, or its
     *     compilation exceeds {@link ConstraintOptions#compileTimeout()}
     */
    public CompiledConstraint compile(Constraint constraint, Vocabulary vocabulary, ConstraintOptions options) {
        String key = vocabulary.id() + "|" + options.cacheKey() + "|" + constraint.cacheKey();
        CompiledConstraint hit;
        synchronized (cache) {
            hit = cache.get(key);
        }
        if (hit != null) {
            metrics.cacheHit(constraint.kind());
            return hit;
        }
        CompletableFuture<CompiledConstraint> mine = new CompletableFuture<>();
        CompletableFuture<CompiledConstraint> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            return await(running);
        }
        try {
            CompiledConstraint compiled = compileUncached(constraint, vocabulary, options, metrics);
            synchronized (cache) {
                cache.put(key, compiled);
            }
            mine.complete(compiled);
            return compiled;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key);
        }
    }

    private static CompiledConstraint await(CompletableFuture<CompiledConstraint> running) {
        try {
            return running.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConstraintTimeoutException("interrupted while waiting for a compilation");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** A schema touching the common paths: objects, arrays, numbers, free and bounded strings, formats. */
    private static final String WARM_UP_SCHEMA = "{\"type\":\"object\",\"properties\":{"
            + "\"id\":{\"type\":\"string\",\"format\":\"uuid\"},\"at\":{\"type\":\"string\",\"format\":\"date-time\"},"
            + "\"day\":{\"type\":\"string\",\"format\":\"date\"},\"mail\":{\"type\":\"string\",\"format\":\"email\"},"
            + "\"site\":{\"type\":\"string\",\"format\":\"uri\"},\"host\":{\"type\":\"string\",\"format\":\"hostname\"},"
            + "\"name\":{\"type\":\"string\",\"maxLength\":64},\"note\":{\"type\":\"string\"},"
            + "\"n\":{\"type\":\"integer\",\"minimum\":0},\"x\":{\"type\":\"number\"},"
            + "\"tags\":{\"type\":\"array\",\"items\":{\"enum\":[\"a\",\"b\"]}},\"any\":{}},\"required\":[\"id\"]}";

    /**
     * Prepares the process for the first real request: compiles a representative schema for the
     * vocabulary and computes its first masks, so that the JIT, the built-in format automata and the
     * vocabulary's shared caches are ready. The runtime calls this once at startup, after loading the
     * model; it takes a few seconds on a small machine.
     *
     * @return how long it took, in nanoseconds
     */
    public static long warmUp(Vocabulary vocabulary) {
        long start = System.nanoTime();
        ConstraintOptions options = ConstraintOptions.builder()
                .compileTimeout(java.time.Duration.ofMinutes(1))
                .build();
        for (int round = 0; round < 3; round++) {
            CompiledConstraint c =
                    compileUncached(Constraint.jsonSchema(WARM_UP_SCHEMA), vocabulary, options, ConstraintMetrics.NONE);
            Matcher m = c.newMatcher();
            int[] mask = new int[m.maskWords()];
            for (String piece : new String[] {"{", "\"id\"", ":", " \"", "0", "\",", " \"note\": \"", "hello", "\""}) {
                m.fillMask(mask);
                m.acceptText(piece);
            }
            m.fillMask(mask);
        }
        return System.nanoTime() - start;
    }

    public int cachedCount() {
        synchronized (cache) {
            return cache.size();
        }
    }

    /** Compiles without any cache. */
    public static CompiledConstraint compileUncached(
            Constraint constraint, Vocabulary vocabulary, ConstraintOptions options, ConstraintMetrics metrics) {
        long start = System.nanoTime();
        try {
            CompileBudget budget = CompileBudget.withTimeout(
                    options.compileTimeout().toNanos(), options.cancelled(), options.maxAutomatonStates());
            GrammarDef def = lower(constraint, options, budget);
            GrammarCompiler.Compiled g = GrammarCompiler.compile(def, vocabulary.index(), budget);
            CompiledGrammar grammar =
                    new CompiledGrammar(g.root(), g.rules(), vocabulary.index(), options.maxParseStacks());
            long nanos = System.nanoTime() - start;
            metrics.compiled(constraint.kind(), nanos);
            return new CompiledConstraint(constraint, options, vocabulary, grammar, nanos, metrics);
        } catch (ConstraintException e) {
            metrics.compileFailed(constraint.kind(), e.reason());
            throw e;
        }
    }

    static GrammarDef lower(Constraint constraint, ConstraintOptions options, CompileBudget budget) {
        if (constraint instanceof Constraint.Choice c) {
            List<Expr> options1 = new ArrayList<>();
            c.options().forEach(o -> options1.add(Expr.literal(o)));
            return new GrammarDef("root").rule("root", Expr.alt(options1), false);
        } else if (constraint instanceof Constraint.Regex r) {
            return new GrammarDef("root").rule("root", RegexParser.parseFullMatch(r.pattern()), false);
        } else if (constraint instanceof Constraint.Grammar g) {
            return GbnfParser.parse(g.gbnf(), g.root());
        } else if (constraint instanceof Constraint.Json) {
            return JsonSchemaCompiler.compile(BooleanNode.TRUE, options, budget);
        } else if (constraint instanceof Constraint.JsonSchema s) {
            return JsonSchemaCompiler.compile(s.schema(), options, budget);
        }
        throw new IllegalArgumentException("unknown constraint " + constraint);
    }
}
