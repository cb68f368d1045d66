package dev.gantry.operator.metrics;

import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetricsV2;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Replaces the default JOSDK metrics bean with one that also records per-resource reconciles. */
@Singleton
public class MetricsBeans {

    @Produces
    @Singleton
    Metrics metrics(MeterRegistry registry) {
        return new PerResourceMetrics(
                MicrometerMetricsV2.newBuilder(registry).withNamespaceAsTag().build(), registry);
    }
}
