package dev.gantry.constraints;

/**
 * Why a constraint could not be compiled, said so that a client can fix it: the reason, and for JSON
 * Schema the keyword and the JSON pointer of the schema location at fault.
 */
public class ConstraintException extends RuntimeException {
    /** What kind of problem this is; the runtime maps every reason to a 400 answer. */
    public enum Reason {
        /** The constraint text is malformed (bad regex, bad grammar, bad JSON). */
        INVALID,
        /** A well-formed feature that this compiler does not enforce (and so refuses). */
        UNSUPPORTED,
        /** The constraint is too large for the configured limits. */
        LIMIT_EXCEEDED,
        /** Compilation ran past its deadline or was cancelled. */
        TIMEOUT,
        /** The constraint accepts no output at all. */
        EMPTY_LANGUAGE
    }

    private final Reason reason;
    private final String pointer;
    private final String keyword;

    public ConstraintException(Reason reason, String message) {
        this(reason, message, null, null);
    }

    public ConstraintException(Reason reason, String message, String pointer, String keyword) {
        super(message);
        this.reason = reason;
        this.pointer = pointer;
        this.keyword = keyword;
    }

    public Reason reason() {
        return reason;
    }

    /** JSON pointer of the schema location at fault (JSON Schema only), or null. */
    public String pointer() {
        return pointer;
    }

    /** The JSON Schema keyword at fault, or null. */
    public String keyword() {
        return keyword;
    }

    public static ConstraintException invalid(String message) {
        return new ConstraintException(Reason.INVALID, message);
    }

    public static ConstraintException unsupported(String message) {
        return new ConstraintException(Reason.UNSUPPORTED, message);
    }

    public static ConstraintException limit(String message) {
        return new ConstraintException(Reason.LIMIT_EXCEEDED, message);
    }
}
