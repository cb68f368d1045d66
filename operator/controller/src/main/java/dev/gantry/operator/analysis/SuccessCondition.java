package dev.gantry.operator.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A success condition such as {@code result < 0.05} or {@code result >= 0.9 && result <= 1}: comparisons of
 * {@code result} with numbers joined by {@code &&} and {@code ||}, {@code &&} binding tighter.
 */
public final class SuccessCondition {

    private static final Pattern TOKEN = Pattern.compile(
            "\\s*(?:(result)\\s*(<=|>=|==|!=|<|>)\\s*(-?[0-9]+(?:\\.[0-9]+)?(?:[eE][-+]?[0-9]+)?)|(&&|\\|\\|))");

    private record Comparison(String operator, double operand) {
        boolean test(double value) {
            return switch (operator) {
                case "<" -> value < operand;
                case "<=" -> value <= operand;
                case ">" -> value > operand;
                case ">=" -> value >= operand;
                case "==" -> value == operand;
                default -> value != operand;
            };
        }
    }

    private final String text;
    /** Disjunction of conjunctions. */
    private final List<List<Comparison>> anyOf;

    private SuccessCondition(String text, List<List<Comparison>> anyOf) {
        this.text = text;
        this.anyOf = anyOf;
    }

    /** @throws IllegalArgumentException naming what is wrong, for a condition outside the grammar */
    public static SuccessCondition parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a success condition is required, for example `result < 0.05`");
        }
        var anyOf = new ArrayList<List<Comparison>>();
        var allOf = new ArrayList<Comparison>();
        var matcher = TOKEN.matcher(text);
        int position = 0;
        boolean expectComparison = true;
        while (position < text.length() && !text.substring(position).isBlank()) {
            if (!matcher.find(position) || matcher.start() != position) {
                throw new IllegalArgumentException(
                        "cannot read `" + text.substring(position).strip() + "` in `" + text
                                + "`; write comparisons of result with numbers, joined by && or ||");
            }
            if (matcher.group(1) != null) {
                if (!expectComparison) {
                    throw new IllegalArgumentException(
                            "missing && or || before `" + matcher.group().strip() + "`");
                }
                allOf.add(new Comparison(matcher.group(2), Double.parseDouble(matcher.group(3))));
            } else {
                if (expectComparison) {
                    throw new IllegalArgumentException("`" + matcher.group(4) + "` needs a comparison before it");
                }
                if (matcher.group(4).equals("||")) {
                    anyOf.add(List.copyOf(allOf));
                    allOf.clear();
                }
            }
            expectComparison = !expectComparison;
            position = matcher.end();
        }
        if (expectComparison) {
            throw new IllegalArgumentException("`" + text + "` must end with a comparison such as `result < 0.05`");
        }
        anyOf.add(List.copyOf(allOf));
        return new SuccessCondition(text.strip(), List.copyOf(anyOf));
    }

    /** Whether a measured value passes; NaN never does (the caller treats it as inconclusive first). */
    public boolean test(double result) {
        return anyOf.stream().anyMatch(all -> all.stream().allMatch(c -> c.test(result)));
    }

    @Override
    public String toString() {
        return text;
    }
}
