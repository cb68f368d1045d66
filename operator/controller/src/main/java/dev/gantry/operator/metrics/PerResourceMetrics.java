package dev.gantry.operator.metrics;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.javaoperatorsdk.operator.api.reconciler.RetryInfo;
import io.javaoperatorsdk.operator.processing.Controller;
import io.javaoperatorsdk.operator.processing.event.Event;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Adds reconcile counts and durations per resource to java-operator-sdk's per-controller metrics:
 * {@code gantry_reconcile_seconds{controller,namespace,name,result}} and
 * {@code gantry_reconcile_total{controller,namespace,name,result}}. A deleted resource's series are removed.
 */
public final class PerResourceMetrics implements Metrics {

    static final String DURATION = "gantry.reconcile";
    static final String COUNT = "gantry.reconcile.total";

    /** Few buckets per resource keep the series count bounded; per-controller histograms come from JOSDK. */
    private static final Duration[] BUCKETS = {
        Duration.ofMillis(10),
        Duration.ofMillis(50),
        Duration.ofMillis(100),
        Duration.ofMillis(250),
        Duration.ofMillis(500),
        Duration.ofSeconds(1),
        Duration.ofSeconds(5)
    };

    private final Metrics delegate;
    private final MeterRegistry registry;

    public PerResourceMetrics(Metrics delegate, MeterRegistry registry) {
        this.delegate = delegate;
        this.registry = registry;
    }

    @Override
    public <T> T timeControllerExecution(ControllerExecution<T> execution) throws Exception {
        if (!"reconcile".equals(execution.name())) {
            return delegate.timeControllerExecution(execution);
        }
        long start = System.nanoTime();
        String result = "error";
        try {
            T value = delegate.timeControllerExecution(execution);
            result = "success";
            return value;
        } finally {
            var tags = tags(execution.controllerName(), execution.resourceID()).and("result", result);
            Timer.builder(DURATION)
                    .description("Duration of one reconcile of one resource")
                    .tags(tags)
                    .serviceLevelObjectives(BUCKETS)
                    .register(registry)
                    .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            Counter.builder(COUNT)
                    .description("Reconciles of one resource")
                    .tags(tags)
                    .register(registry)
                    .increment();
        }
    }

    @Override
    public void cleanupDone(ResourceID resourceID, Map<String, Object> metadata) {
        delegate.cleanupDone(resourceID, metadata);
        var name = resourceID.getName();
        var namespace = resourceID.getNamespace().orElse("");
        registry.getMeters().stream()
                .filter(meter -> meter.getId().getName().startsWith(DURATION))
                .filter(meter -> name.equals(meter.getId().getTag("name"))
                        && namespace.equals(meter.getId().getTag("namespace")))
                .forEach(registry::remove);
    }

    private static Tags tags(String controller, ResourceID id) {
        return Tags.of("controller", controller, "namespace", id.getNamespace().orElse(""), "name", id.getName());
    }

    @Override
    public void controllerRegistered(Controller<? extends HasMetadata> controller) {
        delegate.controllerRegistered(controller);
    }

    @Override
    public void eventReceived(Event event, Map<String, Object> metadata) {
        delegate.eventReceived(event, metadata);
    }

    @Override
    public void reconciliationSubmitted(HasMetadata resource, RetryInfo retryInfo, Map<String, Object> metadata) {
        delegate.reconciliationSubmitted(resource, retryInfo, metadata);
    }

    @Override
    public void reconciliationStarted(HasMetadata resource, Map<String, Object> metadata) {
        delegate.reconciliationStarted(resource, metadata);
    }

    @Override
    public void reconciliationFailed(
            HasMetadata resource, RetryInfo retryInfo, Exception exception, Map<String, Object> metadata) {
        delegate.reconciliationFailed(resource, retryInfo, exception, metadata);
    }

    @Override
    public void reconciliationSucceeded(HasMetadata resource, Map<String, Object> metadata) {
        delegate.reconciliationSucceeded(resource, metadata);
    }

    @Override
    public void reconciliationFinished(HasMetadata resource, RetryInfo retryInfo, Map<String, Object> metadata) {
        delegate.reconciliationFinished(resource, retryInfo, metadata);
    }
}
