package dev.gantry.operator.render;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Pattern;

/** Go-style durations ({@code 30s}, {@code 5m}, {@code 1h30m}, {@code 1.5h}) as the CRDs write them. */
public final class Durations {

    private static final Pattern PART = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)(ms|s|m|h)");
    private static final Pattern WHOLE = Pattern.compile("^(?:[0-9]+(?:\\.[0-9]+)?(?:ms|s|m|h))+$");

    private Durations() {}

    public static Duration parse(String text) {
        if (text == null || !WHOLE.matcher(text).matches()) {
            throw new IllegalArgumentException("not a duration such as 30s, 5m or 1h30m: " + text);
        }
        var matcher = PART.matcher(text);
        var millis = BigDecimal.ZERO;
        while (matcher.find()) {
            var amount = new BigDecimal(matcher.group(1));
            var unitMillis = switch (matcher.group(2)) {
                case "ms" -> 1L;
                case "s" -> 1_000L;
                case "m" -> 60_000L;
                default -> 3_600_000L;
            };
            millis = millis.add(amount.multiply(BigDecimal.valueOf(unitMillis)));
        }
        return Duration.ofMillis(millis.longValue());
    }

    /** Whole seconds, rounded up, so a budget is never shortened. */
    public static long seconds(String text) {
        var duration = parse(text);
        return duration.getSeconds() + (duration.getNano() > 0 ? 1 : 0);
    }

    /** The shortest Go-style text for whole seconds, e.g. {@code 53s}. */
    public static String ofSeconds(long seconds) {
        return seconds + "s";
    }
}
