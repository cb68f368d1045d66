package dev.gantry.runtime.constraint;

/** A constraint that cannot be used, with the request field and the reason. */
public class ConstraintException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String param;

    public ConstraintException(int status, String param, String message) {
        super(message);
        this.status = status;
        this.param = param;
    }

    public int status() {
        return status;
    }

    public String param() {
        return param;
    }
}
