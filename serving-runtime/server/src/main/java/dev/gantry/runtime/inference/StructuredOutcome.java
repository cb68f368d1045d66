package dev.gantry.runtime.inference;

import dev.gantry.engine.scheduler.FinishReason;
import dev.gantry.engine.scheduler.GenerationStats;
import dev.gantry.runtime.constraint.CompiledConstraint;
import dev.gantry.runtime.constraint.ConstraintMask;

/**
 * How a finished constrained output counts in {@code gantry_structured_outputs_total}. The text the
 * client receives is checked against the constraint once more: {@code valid} when it is a complete
 * output; {@code truncated} when {@code max_tokens}, the context or a stop string cut it first;
 * {@code invalid} when the mask failed or an output that ended where the constraint allowed does not
 * match (both bugs).
 */
final class StructuredOutcome {
    static final String VALID = "valid";
    static final String TRUNCATED = "truncated";
    static final String INVALID = "invalid";

    private StructuredOutcome() {}

    static String classify(
            CompiledConstraint constraint,
            ConstraintMask mask,
            FinishReason reason,
            GenerationStats stats,
            String text,
            boolean hasStopStrings) {
        if (mask.failed()) {
            return INVALID;
        }
        if (constraint.matches(text)) {
            return VALID;
        }
        boolean endedWhereAllowed = reason == FinishReason.STOP && Boolean.TRUE.equals(stats.constraintSatisfied());
        return endedWhereAllowed && !hasStopStrings ? INVALID : TRUNCATED;
    }
}
