package dev.gantry.operator.modelrollout;

import dev.gantry.api.v1alpha1.rollout.MetricSpec;
import dev.gantry.operator.analysis.MetricResult;
import dev.gantry.operator.analysis.WindowContext;
import dev.gantry.operator.evaluation.EvaluationReport;
import java.util.List;
import java.util.Optional;

/** The measurements the state machine asks for; the reconciler's implementation calls pods, Prometheus, webhooks. */
interface Checks {

    /** The start of a measurement interval: built-in metrics record their baseline. */
    void startWindow(WindowContext window, List<MetricSpec> metrics);

    /** The interval's results, in the metrics' order; empty when the interval must start again. */
    Optional<List<MetricResult>> measure(WindowContext window, List<MetricSpec> metrics);

    /** Sends the evaluation prompts to the candidate's Service. */
    EvaluationReport evaluate(String revision);
}
