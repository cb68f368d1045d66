package dev.gantry.constraints;

/**
 * Hooks through which the library reports what the runtime's metrics need (docs/metrics.md):
 * compile time per kind, cache hits, time per mask and how constrained outputs ended. Implementations
 * must be thread-safe and cheap; every method defaults to doing nothing.
 */
public interface ConstraintMetrics {
    ConstraintMetrics NONE = new ConstraintMetrics() {};

    /** How a constrained output ended. */
    enum Outcome {
        /** Complete and matching (the end-of-sequence token was allowed). */
        VALID,
        /** Cut (by max tokens or the context) before it was complete. */
        TRUNCATED,
        /** Not matching: never produced by a matcher; for runtimes that double-check outputs. */
        INVALID;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A constraint was compiled (a cache miss). */
    default void compiled(ConstraintKind kind, long nanos) {}

    /** A compilation failed (bad constraint, unsupported feature, limit or timeout). */
    default void compileFailed(ConstraintKind kind, ConstraintException.Reason reason) {}

    /** A compiled constraint was served from the cache. */
    default void cacheHit(ConstraintKind kind) {}

    /** One token mask was computed. */
    default void maskComputed(long nanos) {}

    /** A constrained output finished (see {@link Matcher#finish()}). */
    default void outputFinished(ConstraintKind kind, Outcome outcome) {}
}
