package dev.gantry.runtime.constraint;

import java.time.Duration;

/**
 * The compiler of a server that cannot build the constraint engine for its model (for instance a
 * tokenizer the library cannot read): every valid constraint is answered {@code 501 Not Implemented}
 * with the reason, so that no caller mistakes unconstrained output for constrained output.
 */
public final class UnavailableConstraintCompiler implements ConstraintCompiler {
    private final String reason;

    public UnavailableConstraintCompiler(String reason) {
        this.reason = reason;
    }

    @Override
    public boolean available() {
        return false;
    }

    @Override
    public CompiledConstraint compile(ConstraintSpec spec, Duration budget) {
        throw new ConstraintException(
                501,
                spec.param(),
                "Constrained generation ('" + spec.kind() + "') is not available on this server: " + reason);
    }
}
