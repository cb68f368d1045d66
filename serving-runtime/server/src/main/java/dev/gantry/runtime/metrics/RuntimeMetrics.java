package dev.gantry.runtime.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;

/**
 * The Prometheus metrics of {@code docs/metrics.md}: names, labels and buckets are a contract with the
 * operator's rollout analysis. Every series carries {@code model} and {@code revision}.
 */
public final class RuntimeMetrics {
    static final double[] REQUEST_BUCKETS = {0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30, 60, 120};
    static final double[] TTFT_BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
    static final double[] ITL_BUCKETS = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1};
    static final double[] COMPILE_BUCKETS = {0.0001, 0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 2};
    static final double[] MASK_BUCKETS = {0.00001, 0.00005, 0.0001, 0.0005, 0.001, 0.005, 0.01};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Tags common;
    private final ConcurrentMap<String, Counter> counters = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Timer> timers = new ConcurrentHashMap<>();
    private final Timer interToken;
    private final Timer mask;
    private final Counter promptTokens;
    private final Counter generatedTokens;
    private volatile double modelLoadSeconds;

    public RuntimeMetrics(String model, String revision, String version) {
        this.common = Tags.of("model", model, "revision", revision);
        this.interToken = timer("gantry.inter.token.latency", Tags.empty(), ITL_BUCKETS);
        this.mask = timer("gantry.constraint.mask", Tags.empty(), MASK_BUCKETS);
        this.promptTokens = Counter.builder("gantry.prompt.tokens").tags(common).register(registry);
        this.generatedTokens =
                Counter.builder("gantry.generated.tokens").tags(common).register(registry);
        Gauge.builder("gantry.model.load.seconds", () -> modelLoadSeconds)
                .tags(common)
                .register(registry);
        Gauge.builder("gantry.build.info", () -> 1.0)
                .tags(common.and("version", version))
                .register(registry);
        for (String result : new String[] {"hit", "miss", "error"}) {
            cacheCounter(result);
        }
    }

    /** Creates the per-kind constraint series at zero, so that dashboards and analysis see them from the start. */
    public void registerConstraintKinds(java.util.Collection<String> kinds) {
        for (String kind : kinds) {
            counters.computeIfAbsent(
                    "constrained|" + kind,
                    k -> Counter.builder("gantry.constrained.requests")
                            .tags(common.and("kind", kind))
                            .register(registry));
            for (String result : new String[] {"valid", "truncated", "invalid"}) {
                counters.computeIfAbsent(
                        "structured|" + kind + "|" + result,
                        k -> Counter.builder("gantry.structured.outputs")
                                .tags(common.and("kind", kind, "result", result))
                                .register(registry));
            }
            timers.computeIfAbsent(
                    "compile|" + kind, k -> timer("gantry.constraint.compile", Tags.of("kind", kind), COMPILE_BUCKETS));
        }
    }

    /** Registers the running and waiting gauges once the engine exists. */
    public void bindScheduler(DoubleSupplier running, DoubleSupplier waiting) {
        Gauge.builder("gantry.sequences.running", running::getAsDouble)
                .tags(common)
                .register(registry);
        Gauge.builder("gantry.sequences.waiting", waiting::getAsDouble)
                .tags(common)
                .register(registry);
    }

    private Timer timer(String name, Tags tags, double[] bucketsSeconds) {
        Duration[] slos = new Duration[bucketsSeconds.length];
        for (int i = 0; i < slos.length; i++) {
            slos[i] = Duration.ofNanos(Math.round(bucketsSeconds[i] * 1e9));
        }
        return Timer.builder(name)
                .tags(common.and(tags))
                .serviceLevelObjectives(slos)
                .publishPercentileHistogram(false)
                .register(registry);
    }

    public void request(String endpoint, int status, long nanos) {
        counters.computeIfAbsent(
                        "requests|" + endpoint + "|" + status,
                        k -> Counter.builder("gantry.requests")
                                .tags(common.and("endpoint", endpoint, "status", Integer.toString(status)))
                                .register(registry))
                .increment();
        timers.computeIfAbsent(
                        "duration|" + endpoint,
                        k -> timer("gantry.request.duration", Tags.of("endpoint", endpoint), REQUEST_BUCKETS))
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    public void timeToFirstToken(String endpoint, long nanos) {
        timers.computeIfAbsent(
                        "ttft|" + endpoint,
                        k -> timer("gantry.time.to.first.token", Tags.of("endpoint", endpoint), TTFT_BUCKETS))
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    public void interTokenLatency(long nanos) {
        interToken.record(nanos, TimeUnit.NANOSECONDS);
    }

    public void promptTokens(int count) {
        promptTokens.increment(count);
    }

    public void generatedTokens(int count) {
        generatedTokens.increment(count);
    }

    public void cache(String result) {
        cacheCounter(result).increment();
    }

    private Counter cacheCounter(String result) {
        return counters.computeIfAbsent(
                "cache|" + result,
                k -> Counter.builder("gantry.cache.requests")
                        .tags(common.and("result", result))
                        .register(registry));
    }

    public void constrainedRequest(String kind) {
        counters.computeIfAbsent(
                        "constrained|" + kind,
                        k -> Counter.builder("gantry.constrained.requests")
                                .tags(common.and("kind", kind))
                                .register(registry))
                .increment();
    }

    /** A finished constrained output: {@code valid}, {@code truncated} or {@code invalid}. */
    public void structuredOutput(String kind, String result) {
        counters.computeIfAbsent(
                        "structured|" + kind + "|" + result,
                        k -> Counter.builder("gantry.structured.outputs")
                                .tags(common.and("kind", kind, "result", result))
                                .register(registry))
                .increment();
    }

    public void constraintCompile(String kind, long nanos) {
        timers.computeIfAbsent(
                        "compile|" + kind,
                        k -> timer("gantry.constraint.compile", Tags.of("kind", kind), COMPILE_BUCKETS))
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    public void maskComputed(long nanos) {
        mask.record(nanos, TimeUnit.NANOSECONDS);
    }

    public void modelLoaded(double seconds) {
        modelLoadSeconds = seconds;
    }

    /** The Prometheus text exposition of every series. */
    public String scrape() {
        return registry.scrape();
    }
}
