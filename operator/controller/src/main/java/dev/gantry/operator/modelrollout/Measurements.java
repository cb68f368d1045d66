package dev.gantry.operator.modelrollout;

import dev.gantry.api.v1alpha1.rollout.Measurement;
import dev.gantry.api.v1alpha1.rollout.Verdict;
import dev.gantry.operator.analysis.MetricResult;

/** Builds the measurements status shows, from analysis results and from the other checks. */
final class Measurements {

    /** The metric name of evaluation measurements. */
    static final String EVALUATION = "evaluation";
    /** The metric name of health-gate measurements (pods, deadline, abort). */
    static final String HEALTH = "health";

    private Measurements() {}

    static Measurement of(Rollout r, String revision, MetricResult result) {
        return of(r, result.metric(), revision, result.value(), result.condition(), result.verdict(), result.message());
    }

    static Measurement of(
            Rollout r,
            String metric,
            String revision,
            String value,
            String condition,
            Verdict verdict,
            String message) {
        var m = new Measurement();
        m.setMetric(metric);
        m.setRevision(revision);
        m.setValue(value);
        m.setCondition(condition);
        m.setVerdict(verdict);
        m.setMessage(message);
        m.setTime(r.nowText());
        return m;
    }

    /** One line for Events and messages: {@code error-rate = 0.31 (condition result < 0.05)}. */
    static String describe(Measurement m) {
        var text = m.getMetric() + " = " + m.getValue() + " (condition " + m.getCondition() + ")";
        return m.getMessage() == null || m.getMessage().isBlank() ? text : text + ": " + m.getMessage();
    }
}
