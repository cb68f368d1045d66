package dev.gantry.operator.cli;

/** Something the user asked for that cannot be done; the message says why, and the command exits 1. */
final class CliException extends RuntimeException {

    CliException(String message) {
        super(message);
    }
}
