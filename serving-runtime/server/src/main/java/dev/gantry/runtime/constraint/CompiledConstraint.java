package dev.gantry.runtime.constraint;

/**
 * A constraint compiled against the model's vocabulary: a fresh mask for every sequence that uses it,
 * and a check of a finished output's text.
 */
public interface CompiledConstraint {

    /**
     * A mask for one sequence that may generate at most {@code tokenBudget} tokens. With {@code
     * closeAtLimit} the mask steers the output to a complete one before the budget runs out.
     */
    ConstraintMask newMask(int tokenBudget, boolean closeAtLimit);

    /** Whether {@code output} is a complete output the constraint allows. */
    boolean matches(String output);
}
