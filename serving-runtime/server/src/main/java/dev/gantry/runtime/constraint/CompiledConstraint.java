package dev.gantry.runtime.constraint;

import dev.gantry.engine.sampling.TokenMask;

/** A constraint compiled against the model's vocabulary: a fresh mask for every sequence that uses it. */
public interface CompiledConstraint {
    TokenMask newMask();
}
