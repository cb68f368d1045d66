package dev.gantry.runtime.constraint;

import dev.gantry.engine.sampling.TokenMask;

/** A sequence's token mask that also says whether the constraint engine ever failed it. */
public interface ConstraintMask extends TokenMask {

    /**
     * True when the mask allowed no token at some step, or a sampled token was refused: the output can
     * no longer be trusted to match (a bug, counted as {@code invalid}).
     */
    boolean failed();
}
