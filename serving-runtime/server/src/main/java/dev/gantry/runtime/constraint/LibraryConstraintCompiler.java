package dev.gantry.runtime.constraint;

import dev.gantry.constraints.Constraint;
import dev.gantry.constraints.ConstraintKind;
import dev.gantry.constraints.ConstraintMetrics;
import dev.gantry.constraints.ConstraintOptions;
import dev.gantry.constraints.ConstraintTimeoutException;
import dev.gantry.constraints.Vocabulary;
import dev.gantry.constraints.Whitespace;
import dev.gantry.runtime.metrics.RuntimeMetrics;
import java.time.Duration;

/**
 * The runtime's constraint compiler over the constraint library: maps a request's {@link ConstraintSpec}
 * to a library {@link Constraint}, compiles it for the model's vocabulary (cached by constraint, options
 * and vocabulary, one compilation for concurrent identical requests) and turns every library error into
 * a 400 that names the problem and where it is.
 */
public final class LibraryConstraintCompiler implements ConstraintCompiler {
    /** Compiled constraints kept (least recently used dropped beyond). */
    public static final int CACHE_CAPACITY = 256;

    /** The request's kind while its compilation runs on this thread, for the compile-time metric. */
    private static final ThreadLocal<String> COMPILING_KIND = new ThreadLocal<>();

    private static final ConstraintOptions STRICT = ConstraintOptions.DEFAULTS;
    /** OpenAI's {@code "strict": false}: the documented relaxations, nothing else. */
    private static final ConstraintOptions RELAXED = ConstraintOptions.builder()
            .oneOfAsAnyOf(true)
            .ignoreUniqueItems(true)
            .ignoreUnknownFormats(true)
            .build();

    private final Vocabulary vocabulary;
    private final dev.gantry.constraints.ConstraintCompiler compiler;

    public LibraryConstraintCompiler(Vocabulary vocabulary, RuntimeMetrics metrics) {
        this.vocabulary = vocabulary;
        this.compiler = new dev.gantry.constraints.ConstraintCompiler(CACHE_CAPACITY, new CompileMetrics(metrics));
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    @Override
    public boolean available() {
        return true;
    }

    @Override
    public CompiledConstraint compile(ConstraintSpec spec, Duration budget) {
        ConstraintOptions.Builder options =
                (spec.strict() ? STRICT : RELAXED).toBuilder().compileTimeout(budget);
        if (spec.compactJson()) {
            options.whitespace(Whitespace.compact());
        }
        COMPILING_KIND.set(spec.kind());
        try {
            return new Compiled(compiler.compile(toConstraint(spec), vocabulary, options.build()), vocabulary);
        } catch (ConstraintTimeoutException e) {
            throw ConstraintErrors.timeout(spec, budget);
        } catch (dev.gantry.constraints.ConstraintException e) {
            throw ConstraintErrors.of(spec, e);
        } finally {
            COMPILING_KIND.remove();
        }
    }

    /** A mask for the start-up warm-up: compiled outside the cache and the metrics. */
    ConstraintMask warmUpMask(int tokenBudget) {
        dev.gantry.constraints.CompiledConstraint warmUp = dev.gantry.constraints.ConstraintCompiler.compileUncached(
                Constraint.regex("[a-z ]{1,40}"), vocabulary, STRICT, ConstraintMetrics.NONE);
        return new Compiled(warmUp, vocabulary).newMask(tokenBudget, true);
    }

    static Constraint toConstraint(ConstraintSpec spec) {
        return switch (spec.kind()) {
            case "choice" -> Constraint.choice(spec.choices());
            case "regex" -> Constraint.regex(spec.pattern());
            case "json" -> spec.schema() == null ? Constraint.json() : Constraint.jsonSchema(spec.schema());
            case "json_schema" -> Constraint.jsonSchema(spec.schema());
            case "grammar" -> Constraint.grammar(spec.grammar());
            default -> throw new IllegalArgumentException("unknown constraint kind " + spec.kind());
        };
    }

    /** A library constraint as the runtime uses it. */
    private record Compiled(dev.gantry.constraints.CompiledConstraint compiled, Vocabulary vocabulary)
            implements CompiledConstraint {
        @Override
        public ConstraintMask newMask(int tokenBudget, boolean closeAtLimit) {
            return new MatcherMask(compiled.newMatcher(), vocabulary, tokenBudget, closeAtLimit);
        }

        @Override
        public boolean matches(String output) {
            return compiled.matches(output);
        }
    }

    /**
     * Compile times of cache misses, labelled with the request's kind ({@code json_object} compiles a
     * schema but counts as {@code json}). Mask times are measured by the engine, so not here.
     */
    private record CompileMetrics(RuntimeMetrics metrics) implements ConstraintMetrics {
        @Override
        public void compiled(ConstraintKind kind, long nanos) {
            String requested = COMPILING_KIND.get();
            metrics.constraintCompile(requested != null ? requested : kind.label(), nanos);
        }
    }
}
