package dev.gantry.operator.modelrollout;

import dev.gantry.api.v1alpha1.ModelRolloutSpec;
import dev.gantry.api.v1alpha1.rollout.AnalysisStep;
import dev.gantry.operator.render.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The steps a strategy runs, after the candidate is up and has passed its evaluation and before promotion. A
 * canary's are its own; a blue-green rollout has an optional pre-promotion analysis, then waits for promotion
 * (for a time, or for a person).
 */
final class Steps {

    /** One step. */
    sealed interface Step permits SetWeight, Pause, Analysis {}

    /** Send this share of traffic to the candidate. */
    record SetWeight(int weight) implements Step {}

    /**
     * Hold for a duration, or until promoted when {@code duration} is null.
     *
     * @param promotionGate a blue-green rollout's wait for promotion
     */
    record Pause(Duration duration, boolean promotionGate) implements Step {}

    /**
     * Measure the named metrics.
     *
     * @param name how status and Events call this analysis
     */
    record Analysis(AnalysisStep spec, String name) implements Step {}

    private Steps() {}

    static List<Step> of(ModelRolloutSpec spec) {
        var steps = new ArrayList<Step>();
        var canary = spec.getStrategy().getCanary();
        if (canary != null) {
            for (var step : canary.getSteps()) {
                if (step.getSetWeight() != null) {
                    steps.add(new SetWeight(step.getSetWeight()));
                } else if (step.getPause() != null) {
                    var duration = step.getPause().getDuration();
                    steps.add(new Pause(duration == null ? null : Durations.parse(duration), false));
                } else {
                    steps.add(new Analysis(step.getAnalysis(), "step " + (steps.size() + 1)));
                }
            }
            return steps;
        }
        var blueGreen = spec.getStrategy().getBlueGreen();
        if (blueGreen.getPrePromotionAnalysis() != null) {
            steps.add(new Analysis(blueGreen.getPrePromotionAnalysis(), "prePromotion"));
        }
        var after = blueGreen.getAutoPromotionAfter();
        steps.add(new Pause(after == null ? null : Durations.parse(after), true));
        return steps;
    }

    /** What a step does, for {@code kubectl describe}. */
    static String describe(Step step, List<String> allMetrics) {
        if (step instanceof SetWeight w) {
            return "setWeight " + w.weight();
        }
        if (step instanceof Pause p) {
            if (p.promotionGate()) {
                return p.duration() == null ? "wait for promotion" : "promote after " + text(p.duration());
            }
            return p.duration() == null ? "pause until promoted" : "pause " + text(p.duration());
        }
        var a = (Analysis) step;
        return (a.name().equals("prePromotion") ? "pre-promotion analysis" : "analysis") + " "
                + String.join(", ", metrics(a.spec(), allMetrics)) + " x" + measurements(a.spec());
    }

    static List<String> metrics(AnalysisStep spec, List<String> allMetrics) {
        return spec == null || spec.getMetrics() == null || spec.getMetrics().isEmpty()
                ? allMetrics
                : spec.getMetrics();
    }

    static int measurements(AnalysisStep spec) {
        return spec == null || spec.getMeasurements() == null ? 1 : spec.getMeasurements();
    }

    static String text(Duration duration) {
        var text = duration.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
        return text.replaceAll("\\.0+s", "s");
    }
}
