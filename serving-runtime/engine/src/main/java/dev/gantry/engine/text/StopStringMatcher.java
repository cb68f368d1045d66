package dev.gantry.engine.text;

import java.util.List;

/**
 * Finds stop strings in streamed text. Text that might be the start of a stop string is held back until
 * the next piece shows whether it is, so a client never sees part of a stop string.
 */
public final class StopStringMatcher {
    /** Text that may be released, and whether a stop string ended the output. */
    public record Result(String text, boolean stopped) {}

    private final List<String> stops;
    private final StringBuilder pending = new StringBuilder();
    private boolean stopped;

    public StopStringMatcher(List<String> stops) {
        this.stops = stops.stream().filter(s -> !s.isEmpty()).toList();
    }

    public Result append(String piece) {
        if (stopped) {
            return new Result("", true);
        }
        pending.append(piece);
        if (stops.isEmpty()) {
            return release(pending.length(), false);
        }
        int earliest = -1;
        for (String stop : stops) {
            int at = pending.indexOf(stop);
            if (at >= 0 && (earliest < 0 || at < earliest)) {
                earliest = at;
            }
        }
        if (earliest >= 0) {
            stopped = true;
            Result result = new Result(pending.substring(0, earliest), true);
            pending.setLength(0);
            return result;
        }
        return release(pending.length() - heldBack(), false);
    }

    /** Everything still held back, when generation ends for another reason. */
    public String flush() {
        String rest = stopped ? "" : pending.toString();
        pending.setLength(0);
        return rest;
    }

    /** Length of the longest suffix of the pending text that begins some stop string. */
    private int heldBack() {
        int best = 0;
        for (String stop : stops) {
            int max = Math.min(stop.length() - 1, pending.length());
            for (int len = max; len > best; len--) {
                if (pending.toString().regionMatches(pending.length() - len, stop, 0, len)) {
                    best = len;
                    break;
                }
            }
        }
        return best;
    }

    private Result release(int length, boolean stop) {
        String out = pending.substring(0, length);
        pending.delete(0, length);
        return new Result(out, stop);
    }
}
