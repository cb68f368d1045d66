package dev.gantry.operator.analysis;

import java.net.ConnectException;
import java.net.http.HttpTimeoutException;

/** Short, human descriptions of why a call failed, for measurements' messages (never a stack trace). */
final class Describe {

    private Describe() {}

    static String failure(Throwable error) {
        var cause = error;
        while (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof HttpTimeoutException) {
            return "timed out";
        }
        if (cause instanceof ConnectException) {
            return "connection refused";
        }
        var message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : truncate(message, 300);
    }

    static String truncate(String text, int max) {
        var single = text.replaceAll("\\s+", " ").strip();
        return single.length() <= max ? single : single.substring(0, max - 3) + "...";
    }
}
