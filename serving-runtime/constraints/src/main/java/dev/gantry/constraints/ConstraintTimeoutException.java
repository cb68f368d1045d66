package dev.gantry.constraints;

/** Compilation ran past its deadline or was cancelled; the runtime answers 400 and names the limit. */
public final class ConstraintTimeoutException extends ConstraintException {
    public ConstraintTimeoutException(String message) {
        super(Reason.TIMEOUT, message);
    }
}
