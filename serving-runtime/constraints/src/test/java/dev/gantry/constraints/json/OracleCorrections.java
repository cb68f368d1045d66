package dev.gantry.constraints.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.ValidationMessage;
import java.util.regex.Pattern;

/**
 * Known errors of the oracle (networknt 1.5.8), each re-checked independently instead of trusted.
 * Its {@code time} format rejects valid RFC 3339 times whose negative offset moves them past midnight
 * in UTC ({@code 11:43:00-12:30}); such values are checked here against RFC 3339 directly.
 */
public final class OracleCorrections {
    private static final Pattern TIME = Pattern.compile(
            "([01]\\d|2[0-3]):([0-5]\\d):([0-5]\\d|60)(\\.\\d+)?([Zz]|([+-])([01]\\d|2[0-3]):([0-5]\\d))");

    private OracleCorrections() {}

    public static boolean isKnownOracleError(ValidationMessage m, JsonNode root) {
        if (!"format".equals(m.getType())
                || m.getMessage() == null
                || !m.getMessage().contains("RFC 3339 time")) {
            return false;
        }
        JsonNode value = root.at(m.getInstanceLocation().toString());
        return value.isTextual() && isRfc3339Time(value.asText());
    }

    /** RFC 3339 full-time, with the leap-second rule: :60 only when the time is 23:59 in UTC. */
    static boolean isRfc3339Time(String s) {
        java.util.regex.Matcher t = TIME.matcher(s);
        if (!t.matches()) {
            return false;
        }
        if (!t.group(3).equals("60")) {
            return true;
        }
        int minutes = Integer.parseInt(t.group(1)) * 60 + Integer.parseInt(t.group(2));
        if (t.group(6) != null) {
            int offset = Integer.parseInt(t.group(7)) * 60 + Integer.parseInt(t.group(8));
            minutes -= t.group(6).equals("+") ? offset : -offset;
        }
        return Math.floorMod(minutes, 1440) == 23 * 60 + 59;
    }
}
