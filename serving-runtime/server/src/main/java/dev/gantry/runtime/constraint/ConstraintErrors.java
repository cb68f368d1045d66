package dev.gantry.runtime.constraint;

import java.time.Duration;

/** The 400 answers for constraints the library cannot compile, worded for the client that sent them. */
final class ConstraintErrors {
    private ConstraintErrors() {}

    static ConstraintException of(ConstraintSpec spec, dev.gantry.constraints.ConstraintException e) {
        String message = e.getMessage();
        if (e.pointer() != null && !message.contains("(at ")) {
            message += " (at " + (e.pointer().isEmpty() ? "/" : e.pointer()) + ")";
        }
        String problem = switch (e.reason()) {
            case UNSUPPORTED -> " uses a feature this server cannot enforce: ";
            case LIMIT_EXCEEDED -> " is too large: ";
            case EMPTY_LANGUAGE -> " allows no output: ";
            default -> " is invalid: ";
        };
        return new ConstraintException(400, spec.param(), subject(spec) + problem + message);
    }

    static ConstraintException timeout(ConstraintSpec spec, Duration budget) {
        return new ConstraintException(
                400,
                spec.param(),
                subject(spec) + " did not compile within the server's limit of " + budget.toMillis()
                        + " ms; simplify it");
    }

    private static String subject(ConstraintSpec spec) {
        return switch (spec.kind()) {
            case "choice" -> "The choice constraint";
            case "regex" -> "The regex";
            case "grammar" -> "The grammar";
            default -> "The JSON Schema";
        };
    }
}
