package dev.gantry.operator.analysis;

import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A URL with {@code {placeholder}}s from the operator's configuration, so that where the operator reaches pods and
 * Services can be redirected (local mode puts processes on loopback ports behind a gateway; tests do the same).
 */
public final class UrlTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

    private final String template;

    /** @throws IllegalArgumentException for a placeholder outside {@code allowed} */
    public UrlTemplate(String template, Set<String> allowed) {
        var matcher = PLACEHOLDER.matcher(template);
        while (matcher.find()) {
            if (!allowed.contains(matcher.group(1))) {
                throw new IllegalArgumentException(
                        "unknown placeholder {" + matcher.group(1) + "} in " + template + "; allowed: " + allowed);
            }
        }
        this.template = template;
    }

    public URI expand(Map<String, String> values) {
        var matcher = PLACEHOLDER.matcher(template);
        var out = new StringBuilder();
        while (matcher.find()) {
            var value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalArgumentException("no value for {" + matcher.group(1) + "} in " + template);
            }
            if (matcher.group(1).equals("podIP") && value.contains(":")) {
                value = "[" + value + "]"; // an IPv6 address in a URL
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return URI.create(out.toString());
    }

    @Override
    public String toString() {
        return template;
    }
}
