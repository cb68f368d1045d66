package dev.gantry.operator.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Reads the Prometheus text exposition format (version 0.0.4, which OpenMetrics parsers also accept). */
public final class PrometheusText {

    private PrometheusText() {}

    /**
     * @param keep which metric names to keep; the rest are skipped without parsing their labels
     * @throws IllegalArgumentException for a line that is not a sample, a comment or blank
     */
    public static List<Sample> parse(String body, Predicate<String> keep) {
        var samples = new ArrayList<Sample>();
        for (var raw : body.split("\n")) {
            var line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int nameEnd = 0;
            while (nameEnd < line.length() && line.charAt(nameEnd) != '{' && line.charAt(nameEnd) != ' ') {
                nameEnd++;
            }
            var name = line.substring(0, nameEnd);
            if (!keep.test(name)) {
                continue;
            }
            var labels = new LinkedHashMap<String, String>();
            int rest = nameEnd;
            if (rest < line.length() && line.charAt(rest) == '{') {
                rest = labels(line, rest + 1, labels);
            }
            var fields = line.substring(rest).strip().split("\\s+");
            if (fields.length == 0 || fields[0].isEmpty()) {
                throw new IllegalArgumentException("no value in line: " + line);
            }
            samples.add(new Sample(name, labels, value(fields[0])));
        }
        return samples;
    }

    /** Parses {@code a="x",b="y"}} from {@code start}; returns the index after the closing brace. */
    private static int labels(String line, int start, Map<String, String> into) {
        int i = start;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '}') {
                return i + 1;
            }
            if (c == ',' || c == ' ') {
                i++;
                continue;
            }
            int equals = line.indexOf('=', i);
            if (equals < 0 || equals + 1 >= line.length() || line.charAt(equals + 1) != '"') {
                throw new IllegalArgumentException("malformed labels in line: " + line);
            }
            var key = line.substring(i, equals).strip();
            var value = new StringBuilder();
            int j = equals + 2;
            while (j < line.length() && line.charAt(j) != '"') {
                char v = line.charAt(j);
                if (v == '\\' && j + 1 < line.length()) {
                    char escaped = line.charAt(++j);
                    value.append(escaped == 'n' ? '\n' : escaped);
                } else {
                    value.append(v);
                }
                j++;
            }
            if (j >= line.length()) {
                throw new IllegalArgumentException("unterminated label value in line: " + line);
            }
            into.put(key, value.toString());
            i = j + 1;
        }
        throw new IllegalArgumentException("unterminated labels in line: " + line);
    }

    static double value(String text) {
        return switch (text) {
            case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> Double.parseDouble(text);
        };
    }
}
