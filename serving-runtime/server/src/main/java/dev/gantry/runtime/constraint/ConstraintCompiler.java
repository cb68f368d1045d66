package dev.gantry.runtime.constraint;

import java.time.Duration;

/**
 * Compiles validated constraints into token masks. Implementations throw {@link ConstraintException}
 * for a constraint they cannot compile (a 400 naming the problem) and must respect the time budget.
 */
public interface ConstraintCompiler {

    /** Whether this build can compile constraints at all. */
    boolean available();

    CompiledConstraint compile(ConstraintSpec spec, Duration budget);
}
