package dev.gantry.runtime.constraint;

import java.time.Duration;

/**
 * The compiler of a build without the constraint engine: every valid constraint is answered
 * {@code 501 Not Implemented}, so that no caller mistakes unconstrained output for constrained output.
 */
public final class UnavailableConstraintCompiler implements ConstraintCompiler {
    @Override
    public boolean available() {
        return false;
    }

    @Override
    public CompiledConstraint compile(ConstraintSpec spec, Duration budget) {
        throw new ConstraintException(
                501,
                spec.param(),
                "Constrained generation ('" + spec.kind()
                        + "') is not available in this build of the runtime: the constraint engine is not wired in yet");
    }
}
