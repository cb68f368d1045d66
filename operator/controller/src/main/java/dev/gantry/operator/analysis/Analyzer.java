package dev.gantry.operator.analysis;

import dev.gantry.api.v1alpha1.rollout.MetricSpec;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Measures a set of metrics over one interval. Built-in metrics need the pods' counters at the interval's start:
 * {@link #startWindow} keeps them in memory (they are too large for status); after an operator restart they are
 * gone and {@link #measure} says so, and the caller starts the interval again. Every other provider is read at
 * the interval's end. All metrics of an interval are measured concurrently.
 */
public final class Analyzer {

    /** Baselines older than this belong to rollouts that moved on without measuring; they are dropped. */
    private static final Duration BASELINE_RETENTION = Duration.ofHours(6);

    private record Baseline(Instant taken, Map<String, List<Sample>> byPod) {}

    private final PodMetricsScraper scraper;
    private final PrometheusQuery prometheus;
    private final Webhook webhook;
    private final Map<String, Baseline> baselines = new ConcurrentHashMap<>();

    /**
     * @param podMetricsUrl {@code gantry.analysis.pod-metrics-url}, with {podIP}, {namespace} and {pod}
     * @param scrapeTimeout the longest one pod may take to answer
     */
    public Analyzer(HttpClient http, String podMetricsUrl, Duration scrapeTimeout, SecretLookup secrets) {
        this.scraper = new PodMetricsScraper(
                http, new UrlTemplate(podMetricsUrl, PodMetricsScraper.PLACEHOLDERS), scrapeTimeout);
        this.prometheus = new PrometheusQuery(http);
        this.webhook = new Webhook(http, secrets);
    }

    /** Validates a pod-metrics URL template, for configuration checks. */
    public static void checkPodMetricsUrl(String template) {
        new UrlTemplate(template, PodMetricsScraper.PLACEHOLDERS);
    }

    public void startWindow(WindowContext window, List<MetricSpec> metrics) {
        var now = Instant.now();
        baselines.values().removeIf(b -> b.taken().isBefore(now.minus(BASELINE_RETENTION)));
        if (metrics.stream().anyMatch(m -> m.getBuiltIn() != null)) {
            baselines.put(
                    window.baselineKey(),
                    new Baseline(now, scraper.scrape(window.pods()).byPod()));
        }
    }

    /** The interval's results, one per metric in order; empty when a built-in baseline is missing. */
    public Optional<List<MetricResult>> measure(WindowContext window, List<MetricSpec> metrics) {
        var builtIns = metrics.stream().filter(m -> m.getBuiltIn() != null).toList();
        Optional<BuiltInReading> reading = Optional.empty();
        var pending = new LinkedHashMap<String, CompletableFuture<MetricResult>>();
        for (var metric : metrics) {
            if (metric.getPrometheus() != null) {
                var condition = SuccessCondition.parse(metric.getSuccessCondition());
                pending.put(
                        metric.getName(),
                        prometheus
                                .run(metric.getPrometheus(), window)
                                .thenApply(answer -> answer.error()
                                        ? MetricResult.error(metric.getName(), condition.toString(), answer.message())
                                        : MetricResult.judged(
                                                metric.getName(), answer.value(), condition, answer.message())));
            } else if (metric.getWebhook() != null) {
                pending.put(metric.getName(), webhook.call(metric.getName(), metric.getWebhook(), window));
            }
        }
        if (!builtIns.isEmpty()) {
            var baseline = baselines.remove(window.baselineKey());
            if (baseline == null) {
                pending.values().forEach(f -> f.cancel(true));
                return Optional.empty();
            }
            reading = Optional.of(BuiltInReading.of(baseline.byPod(), scraper.scrape(window.pods()), window));
        }
        var results = new ArrayList<MetricResult>();
        for (var metric : metrics) {
            if (metric.getBuiltIn() != null) {
                results.add(reading.orElseThrow().judge(metric));
            } else {
                results.add(pending.get(metric.getName()).join());
            }
        }
        return Optional.of(results);
    }

    /** Drops what is kept for a rollout that was deleted. */
    public void forget(String rolloutUid) {
        baselines.keySet().removeIf(key -> key.startsWith(rolloutUid + "|"));
    }
}
