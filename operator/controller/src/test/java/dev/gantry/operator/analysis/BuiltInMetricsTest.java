package dev.gantry.operator.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.gantry.api.v1alpha1.rollout.BuiltInMetricType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The formulas of docs/metrics.md, over per-pod deltas. */
class BuiltInMetricsTest {

    private static Sample requests(String endpoint, String status, double value) {
        return new Sample(
                "gantry_requests_total", Map.of("endpoint", endpoint, "status", status, "revision", "r"), value);
    }

    private static Sample bucket(String name, String le, double value) {
        return new Sample(name + "_bucket", Map.of("endpoint", "completions", "le", le), value);
    }

    @Test
    void errorRateCountsFiveHundredsOfInferenceEndpointsButNotBackPressure() {
        var start = Map.of("pod-a", List.of(requests("completions", "200", 100), requests("completions", "500", 10)));
        var end = Map.of(
                "pod-a",
                List.of(
                        requests("completions", "200", 160),
                        requests("completions", "500", 20),
                        requests("completions", "503", 5),
                        requests("completions", "429", 5),
                        requests("models", "500", 99)));

        var value = BuiltInMetrics.compute(
                BuiltInMetricType.ErrorRate, BuiltInMetrics.deltas(start, end), Duration.ofSeconds(10));

        // 60 + 10 + 5 (new series from 0) + 5 = 80 requests; 10 errors (503 and 429 are not).
        assertThat(value.samples()).isEqualTo(80);
        assertThat(value.value()).isCloseTo(10.0 / 80, within(1e-9));
    }

    @Test
    void aCounterThatWentDownMeansTheContainerRestartedAndCountsFromZero() {
        var start = Map.of("pod-a", List.of(requests("generate", "200", 500)));
        var end = Map.of("pod-a", List.of(requests("generate", "200", 30), requests("generate", "500", 3)));

        var value = BuiltInMetrics.compute(
                BuiltInMetricType.ErrorRate, BuiltInMetrics.deltas(start, end), Duration.ofSeconds(10));

        assertThat(value.samples()).isEqualTo(33);
        assertThat(value.value()).isCloseTo(3.0 / 33, within(1e-9));
    }

    @Test
    void podsWithoutABaselineAreLeftOutAndOthersAreSummed() {
        var start = Map.of(
                "pod-a", List.of(requests("completions", "200", 0)),
                "pod-b", List.of(requests("completions", "200", 0)));
        var end = Map.of(
                "pod-a", List.of(requests("completions", "200", 10)),
                "pod-b", List.of(requests("completions", "200", 30)),
                "pod-new", List.of(requests("completions", "500", 1000)));

        var value = BuiltInMetrics.compute(
                BuiltInMetricType.ErrorRate, BuiltInMetrics.deltas(start, end), Duration.ofSeconds(10));

        assertThat(value.samples()).isEqualTo(40);
        assertThat(value.value()).isZero();
    }

    @Test
    void quantilesInterpolateWithinTheBucketAsHistogramQuantileDoes() {
        var name = "gantry_request_duration_seconds";
        var deltas = BuiltInMetrics.deltas(
                Map.of("p", List.of()),
                Map.of(
                        "p",
                        List.of(
                                bucket(name, "0.1", 50),
                                bucket(name, "0.25", 90),
                                bucket(name, "0.5", 100),
                                bucket(name, "+Inf", 100))));

        var p95 = BuiltInMetrics.compute(BuiltInMetricType.LatencyP95, deltas, Duration.ofSeconds(1));
        var p99 = BuiltInMetrics.compute(BuiltInMetricType.LatencyP99, deltas, Duration.ofSeconds(1));

        // rank 95 falls in (0.25, 0.5] holding 10 observations, 5 above its start: 0.25 + 0.25 * 5/10.
        assertThat(p95.value()).isCloseTo(0.375, within(1e-9));
        assertThat(p99.value()).isCloseTo(0.475, within(1e-9));
        assertThat(p95.samples()).isEqualTo(100);
    }

    @Test
    void aQuantileInTheInfiniteBucketIsTheHighestFiniteBoundAndAnEmptyHistogramIsNaN() {
        var cumulative = new TreeMap<Double, Double>(Map.of(1.0, 1.0, 5.0, 2.0, Double.POSITIVE_INFINITY, 10.0));
        assertThat(Histograms.quantile(0.95, cumulative)).isEqualTo(5.0);

        var empty = BuiltInMetrics.deltas(
                Map.of("p", List.of()), Map.of("p", List.of(bucket("gantry_time_to_first_token_seconds", "+Inf", 0))));
        assertThat(BuiltInMetrics.compute(BuiltInMetricType.TimeToFirstTokenP95, empty, Duration.ofSeconds(1))
                        .value())
                .isNaN();
    }

    @Test
    void tokensPerSecondAndStructuredOutputValidity() {
        var tokens = new Sample("gantry_generated_tokens_total", Map.of(), 1200);
        var valid = new Sample("gantry_structured_outputs_total", Map.of("kind", "json", "result", "valid"), 18);
        var truncated = new Sample("gantry_structured_outputs_total", Map.of("kind", "json", "result", "truncated"), 2);
        var deltas = BuiltInMetrics.deltas(Map.of("p", List.of()), Map.of("p", List.of(tokens, valid, truncated)));

        assertThat(BuiltInMetrics.compute(BuiltInMetricType.TokensPerSecond, deltas, Duration.ofSeconds(30))
                        .value())
                .isEqualTo(40.0);
        var validity =
                BuiltInMetrics.compute(BuiltInMetricType.StructuredOutputValidity, deltas, Duration.ofSeconds(30));
        assertThat(validity.value()).isEqualTo(0.9);
        assertThat(validity.samples()).isEqualTo(20);
    }

    @Test
    void noRequestsIsNaNNotZero() {
        var value = BuiltInMetrics.compute(BuiltInMetricType.ErrorRate, Map.of(), Duration.ofSeconds(10));

        assertThat(value.value()).isNaN();
        assertThat(value.samples()).isZero();
    }
}
