package dev.gantry.operator.analysis;

import dev.gantry.api.v1alpha1.rollout.BuiltInMetricType;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The built-in metrics of docs/metrics.md, computed from per-pod counter and histogram deltas over an interval:
 * a counter that went down means the pod restarted, and its new value is the delta (as Prometheus'
 * {@code increase}); a series that was absent at the start counts from zero. Only inference endpoints count.
 */
public final class BuiltInMetrics {

    static final String REQUESTS = "gantry_requests_total";
    static final String DURATION_BUCKETS = "gantry_request_duration_seconds_bucket";
    static final String TTFT_BUCKETS = "gantry_time_to_first_token_seconds_bucket";
    static final String GENERATED_TOKENS = "gantry_generated_tokens_total";
    static final String STRUCTURED_OUTPUTS = "gantry_structured_outputs_total";

    /** The series built-in analysis reads; a scrape keeps only these. */
    public static final Set<String> SERIES =
            Set.of(REQUESTS, DURATION_BUCKETS, TTFT_BUCKETS, GENERATED_TOKENS, STRUCTURED_OUTPUTS);

    private static final Set<String> INFERENCE_ENDPOINTS = Set.of("completions", "chat_completions", "generate");

    /**
     * A computed metric.
     *
     * @param value the metric, {@code NaN} when there is nothing to compute it from
     * @param samples what {@code minSamples} is compared with (requests, observations, tokens or outputs)
     */
    public record Value(double value, double samples) {}

    private BuiltInMetrics() {}

    /** Per-series increases over the interval, summed over the pods scraped at both ends. */
    public static Map<String, Sample> deltas(Map<String, List<Sample>> start, Map<String, List<Sample>> end) {
        var sums = new LinkedHashMap<String, Sample>();
        end.forEach((pod, samples) -> {
            var before = start.get(pod);
            if (before == null) {
                return; // appeared during the interval: no baseline to compare with
            }
            var baseline = new java.util.HashMap<String, Double>();
            before.forEach(s -> baseline.put(s.seriesKey(), s.value()));
            for (var sample : samples) {
                Double old = baseline.get(sample.seriesKey());
                double delta = old == null || sample.value() < old ? sample.value() : sample.value() - old;
                sums.merge(
                        sample.seriesKey(),
                        new Sample(sample.name(), sample.labels(), delta),
                        (a, b) -> new Sample(a.name(), a.labels(), a.value() + b.value()));
            }
        });
        return sums;
    }

    public static Value compute(BuiltInMetricType type, Map<String, Sample> deltas, Duration interval) {
        return switch (type) {
            case ErrorRate -> errorRate(deltas);
            case LatencyP95 -> quantile(0.95, DURATION_BUCKETS, deltas);
            case LatencyP99 -> quantile(0.99, DURATION_BUCKETS, deltas);
            case TimeToFirstTokenP95 -> quantile(0.95, TTFT_BUCKETS, deltas);
            case TokensPerSecond -> tokensPerSecond(deltas, interval);
            case StructuredOutputValidity -> validity(deltas);
        };
    }

    /** 5xx answers over all answers of inference endpoints; 503 (back-pressure) is not an error. */
    static Value errorRate(Map<String, Sample> deltas) {
        double all = 0;
        double errors = 0;
        for (var sample : deltas.values()) {
            if (!sample.name().equals(REQUESTS) || !INFERENCE_ENDPOINTS.contains(sample.label("endpoint"))) {
                continue;
            }
            all += sample.value();
            var status = sample.label("status");
            if (status != null && status.startsWith("5") && !status.equals("503")) {
                errors += sample.value();
            }
        }
        return new Value(all == 0 ? Double.NaN : errors / all, all);
    }

    /** The quantile of a histogram as Prometheus' {@code histogram_quantile} computes it. */
    static Value quantile(double q, String bucketSeries, Map<String, Sample> deltas) {
        var buckets = new TreeMap<Double, Double>();
        for (var sample : deltas.values()) {
            if (sample.name().equals(bucketSeries)
                    && INFERENCE_ENDPOINTS.contains(sample.label("endpoint"))
                    && sample.label("le") != null) {
                buckets.merge(PrometheusText.value(sample.label("le")), sample.value(), Double::sum);
            }
        }
        if (buckets.isEmpty() || !buckets.containsKey(Double.POSITIVE_INFINITY)) {
            return new Value(Double.NaN, 0);
        }
        double total = buckets.get(Double.POSITIVE_INFINITY);
        return new Value(total == 0 ? Double.NaN : Histograms.quantile(q, buckets), total);
    }

    static Value tokensPerSecond(Map<String, Sample> deltas, Duration interval) {
        double tokens = deltas.values().stream()
                .filter(s -> s.name().equals(GENERATED_TOKENS))
                .mapToDouble(Sample::value)
                .sum();
        double seconds = interval.toMillis() / 1000.0;
        return new Value(tokens == 0 || seconds <= 0 ? Double.NaN : tokens / seconds, tokens);
    }

    /** Valid outputs over valid, invalid and truncated ones. */
    static Value validity(Map<String, Sample> deltas) {
        double valid = 0;
        double all = 0;
        for (var sample : deltas.values()) {
            if (!sample.name().equals(STRUCTURED_OUTPUTS)) {
                continue;
            }
            var result = sample.label("result");
            if ("valid".equals(result) || "invalid".equals(result) || "truncated".equals(result)) {
                all += sample.value();
                if ("valid".equals(result)) {
                    valid += sample.value();
                }
            }
        }
        return new Value(all == 0 ? Double.NaN : valid / all, all);
    }
}
