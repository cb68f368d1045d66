package dev.gantry.operator.metrics;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.javaoperatorsdk.operator.api.reconciler.RetryInfo;
import io.javaoperatorsdk.operator.processing.Controller;
import io.javaoperatorsdk.operator.processing.event.Event;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.controller.ResourceEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Adds reconcile counts and durations per resource to java-operator-sdk's per-controller metrics:
 * {@code gantry_reconcile_seconds{controller,namespace,name,result}} and
 * {@code gantry_reconcile_total{controller,namespace,name,result}}, removed when the resource is deleted, and
 * {@code gantry_reconcile_duration_seconds{controller,result}} with a fine histogram and p50/p95/p99.
 */
public final class PerResourceMetrics implements Metrics {

    static final String DURATION = "gantry.reconcile";
    static final String COUNT = "gantry.reconcile.total";
    static final String CONTROLLER_DURATION = "gantry.reconcile.duration";

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

    private static final Logger LOG = Logger.getLogger(PerResourceMetrics.class);

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
            Timer.builder(CONTROLLER_DURATION)
                    .description("Duration of reconciles of every resource of a controller")
                    .tags(Tags.of("controller", execution.controllerName(), "result", result))
                    .publishPercentileHistogram()
                    .publishPercentiles(0.5, 0.95, 0.99)
                    .distributionStatisticExpiry(Duration.ofMinutes(10))
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
        guarded(() -> delegate.cleanupDone(resourceID, metadata));
        var name = resourceID.getName();
        var namespace = resourceID.getNamespace().orElse("");
        registry.getMeters().stream()
                .filter(meter -> meter.getId().getName().equals(DURATION)
                        || meter.getId().getName().equals(COUNT))
                .filter(meter -> name.equals(meter.getId().getTag("name"))
                        && namespace.equals(meter.getId().getTag("namespace")))
                .forEach(registry::remove);
    }

    /** Recording a metric must never fail the work it measures. */
    private static void guarded(Runnable recording) {
        try {
            recording.run();
        } catch (RuntimeException e) {
            LOG.debugf(e, "Could not record a metric: %s", e.getMessage());
        }
    }

    private static Tags tags(String controller, ResourceID id) {
        return Tags.of("controller", controller, "namespace", id.getNamespace().orElse(""), "name", id.getName());
    }

    @Override
    public void controllerRegistered(Controller<? extends HasMetadata> controller) {
        guarded(() -> delegate.controllerRegistered(controller));
    }

    /**
     * Only resource events go to the delegate: java-operator-sdk tags other events (timers) with fewer keys, which
     * a Prometheus registry refuses, and the exception would surface in the informer and lose the event.
     */
    @Override
    public void eventReceived(Event event, Map<String, Object> metadata) {
        if (event instanceof ResourceEvent) {
            guarded(() -> delegate.eventReceived(event, metadata));
        }
    }

    @Override
    public void reconciliationSubmitted(HasMetadata resource, RetryInfo retryInfo, Map<String, Object> metadata) {
        guarded(() -> delegate.reconciliationSubmitted(resource, retryInfo, metadata));
    }

    @Override
    public void reconciliationStarted(HasMetadata resource, Map<String, Object> metadata) {
        guarded(() -> delegate.reconciliationStarted(resource, metadata));
    }

    @Override
    public void reconciliationFailed(
            HasMetadata resource, RetryInfo retryInfo, Exception exception, Map<String, Object> metadata) {
        guarded(() -> delegate.reconciliationFailed(resource, retryInfo, exception, metadata));
    }

    @Override
    public void reconciliationSucceeded(HasMetadata resource, Map<String, Object> metadata) {
        guarded(() -> delegate.reconciliationSucceeded(resource, metadata));
    }

    @Override
    public void reconciliationFinished(HasMetadata resource, RetryInfo retryInfo, Map<String, Object> metadata) {
        guarded(() -> delegate.reconciliationFinished(resource, retryInfo, metadata));
    }
}
