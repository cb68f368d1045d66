package dev.gantry.constraints.automaton;

import dev.gantry.constraints.ConstraintException;
import java.util.function.BooleanSupplier;

/**
 * The limits one compilation runs under: a deadline, a cancellation signal and a cap on automaton
 * size. Construction loops call {@link #check()} often, so an oversized constraint fails fast and
 * clearly instead of stalling a request thread.
 */
public final class CompileBudget {
    public static final CompileBudget UNLIMITED = new CompileBudget(Long.MAX_VALUE, () -> false, 1_000_000);

    private final long deadlineNanos;
    private final BooleanSupplier cancelled;
    private final int maxStates;
    private final long startNanos = System.nanoTime();
    private int ticks;

    public CompileBudget(long deadlineNanos, BooleanSupplier cancelled, int maxStates) {
        this.deadlineNanos = deadlineNanos;
        this.cancelled = cancelled;
        this.maxStates = maxStates;
    }

    /** A budget that expires {@code timeoutNanos} from now. */
    public static CompileBudget withTimeout(long timeoutNanos, BooleanSupplier cancelled, int maxStates) {
        long now = System.nanoTime();
        long deadline = timeoutNanos >= Long.MAX_VALUE - now ? Long.MAX_VALUE : now + timeoutNanos;
        return new CompileBudget(deadline, cancelled, maxStates);
    }

    public int maxStates() {
        return maxStates;
    }

    /** Cheap enough to call in inner loops: looks at the clock every 256 calls. */
    public void check() {
        if ((++ticks & 0xFF) == 0) {
            checkNow();
        }
    }

    public void checkNow() {
        if (deadlineNanos != Long.MAX_VALUE && System.nanoTime() - deadlineNanos > 0) {
            long ms = (System.nanoTime() - startNanos) / 1_000_000;
            throw new dev.gantry.constraints.ConstraintTimeoutException(
                    "compilation exceeded its time limit (stopped after " + ms + " ms)");
        }
        if (cancelled.getAsBoolean()) {
            throw new dev.gantry.constraints.ConstraintTimeoutException("compilation was cancelled");
        }
    }

    public void checkStates(int states, String what) {
        if (states > maxStates) {
            throw ConstraintException.limit(
                    what + " needs more than " + maxStates + " automaton states (limit maxAutomatonStates)");
        }
    }
}
