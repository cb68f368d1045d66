package dev.gantry.operator.analysis;

import dev.gantry.api.v1alpha1.rollout.MetricSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The deltas of one interval over the pods scraped at both ends, and the built-in metrics judged from them. */
final class BuiltInReading {

    private final Map<String, Sample> deltas;
    private final Duration interval;
    private final int pods;
    private final String problem;

    private BuiltInReading(Map<String, Sample> deltas, Duration interval, int pods, String problem) {
        this.deltas = deltas;
        this.interval = interval;
        this.pods = pods;
        this.problem = problem;
    }

    static BuiltInReading of(Map<String, List<Sample>> baseline, PodMetricsScraper.Scrape end, WindowContext window) {
        var interval = Duration.between(window.start(), window.end());
        long both = end.byPod().keySet().stream().filter(baseline::containsKey).count();
        if (both == 0) {
            var why = end.failures().isEmpty() ? "" : " (" + String.join("; ", end.failures()) + ")";
            return new BuiltInReading(
                    Map.of(),
                    interval,
                    0,
                    "no ready pod of revision " + window.revision() + " could be scraped at both ends of the interval"
                            + why);
        }
        return new BuiltInReading(BuiltInMetrics.deltas(baseline, end.byPod()), interval, (int) both, null);
    }

    MetricResult judge(MetricSpec metric) {
        var condition = SuccessCondition.parse(metric.getSuccessCondition());
        if (problem != null) {
            return MetricResult.error(metric.getName(), condition.toString(), problem);
        }
        var builtIn = metric.getBuiltIn();
        var value = BuiltInMetrics.compute(builtIn.getType(), deltas, interval);
        int minSamples = builtIn.getMinSamples() == null ? 1 : builtIn.getMinSamples();
        var detail = MetricResult.format(value.samples()) + " samples from " + pods + (pods == 1 ? " pod" : " pods");
        if (value.samples() < minSamples) {
            return new MetricResult(
                    metric.getName(),
                    dev.gantry.api.v1alpha1.rollout.Verdict.Inconclusive,
                    "NaN",
                    condition.toString(),
                    detail + ", fewer than minSamples " + minSamples);
        }
        return MetricResult.judged(metric.getName(), value.value(), condition, detail);
    }
}
