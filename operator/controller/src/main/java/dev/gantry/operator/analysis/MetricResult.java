package dev.gantry.operator.analysis;

import dev.gantry.api.v1alpha1.rollout.Verdict;

/**
 * One metric measured once and judged.
 *
 * @param metric the metric's name
 * @param verdict Passed, Failed, Inconclusive (no data, too few samples, NaN) or Error (could not be read)
 * @param value the value as text, {@code NaN} when there was none
 * @param condition what it was judged against
 * @param message detail for humans: sample counts, the error, the webhook's answer
 */
public record MetricResult(String metric, Verdict verdict, String value, String condition, String message) {

    static MetricResult error(String metric, String condition, String message) {
        return new MetricResult(metric, Verdict.Error, "NaN", condition, message);
    }

    /** Judges a number: NaN is inconclusive, else the condition decides. */
    static MetricResult judged(String metric, double value, SuccessCondition condition, String message) {
        if (Double.isNaN(value)) {
            return new MetricResult(metric, Verdict.Inconclusive, "NaN", condition.toString(), message);
        }
        var verdict = condition.test(value) ? Verdict.Passed : Verdict.Failed;
        return new MetricResult(metric, verdict, format(value), condition.toString(), message);
    }

    static String format(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.valueOf((long) value);
        }
        return String.format(java.util.Locale.ROOT, "%.4g", value);
    }
}
