package dev.gantry.operator.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PerResourceMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final PerResourceMetrics metrics = new PerResourceMetrics(Metrics.NOOP, registry);

    @Test
    void countsAndTimesReconcilesPerResourceAndForgetsDeletedOnes() throws Exception {
        metrics.timeControllerExecution(execution("a", false));
        metrics.timeControllerExecution(execution("a", false));
        try {
            metrics.timeControllerExecution(execution("b", true));
        } catch (IllegalStateException expected) {
            // the reconcile failed; it still counts
        }

        assertThat(registry.get("gantry.reconcile.total")
                        .tags("name", "a", "result", "success")
                        .counter()
                        .count())
                .isEqualTo(2.0);
        assertThat(registry.get("gantry.reconcile")
                        .tags("name", "b", "result", "error")
                        .timer()
                        .count())
                .isEqualTo(1);
        assertThat(registry.get("gantry.reconcile.duration")
                        .tags("result", "success")
                        .timer()
                        .count())
                .isEqualTo(2);

        metrics.cleanupDone(new ResourceID("a", "ns"), Map.of());

        assertThat(registry.find("gantry.reconcile").tags("name", "a").meters()).isEmpty();
        assertThat(registry.find("gantry.reconcile.total").tags("name", "a").meters())
                .isEmpty();
        assertThat(registry.find("gantry.reconcile").tags("name", "b").meters()).isNotEmpty();
        assertThat(registry.find("gantry.reconcile.duration").meters()).isNotEmpty();
    }

    @Test
    void neverLetsARefusedMeterBreakEventHandling() {
        // As a Prometheus registry does when java-operator-sdk tags a timer event with fewer keys than a resource
        // event under the same name; seen in the benchmark, where it dropped informer events.
        var recorded = new java.util.ArrayList<io.javaoperatorsdk.operator.processing.event.Event>();
        Metrics refusing = new Metrics() {
            @Override
            public void eventReceived(io.javaoperatorsdk.operator.processing.event.Event event, Map<String, Object> m) {
                if (!(event instanceof io.javaoperatorsdk.operator.processing.event.source.controller.ResourceEvent)) {
                    throw new IllegalArgumentException("Prometheus requires that all meters with the same name have"
                            + " the same set of tag keys");
                }
                recorded.add(event);
            }

            @Override
            public void reconciliationStarted(io.fabric8.kubernetes.api.model.HasMetadata r, Map<String, Object> m) {
                throw new IllegalStateException("registry closed");
            }
        };
        var guarded = new PerResourceMetrics(refusing, registry);
        var resourceEvent = new io.javaoperatorsdk.operator.processing.event.source.controller.ResourceEvent(
                io.javaoperatorsdk.operator.processing.event.source.ResourceAction.UPDATED,
                new ResourceID("a", "ns"),
                null);
        var timerEvent = new io.javaoperatorsdk.operator.processing.event.Event(new ResourceID("a", "ns"));

        guarded.eventReceived(timerEvent, Map.of());
        guarded.eventReceived(resourceEvent, Map.of());
        guarded.reconciliationStarted(null, Map.of());

        assertThat(recorded).containsExactly(resourceEvent);
    }

    private static Metrics.ControllerExecution<String> execution(String name, boolean fail) {
        return new Metrics.ControllerExecution<>() {
            @Override
            public String name() {
                return "reconcile";
            }

            @Override
            public String controllerName() {
                return "modeldeployment";
            }

            @Override
            public String successTypeName(String result) {
                return "ok";
            }

            @Override
            public ResourceID resourceID() {
                return new ResourceID(name, "ns");
            }

            @Override
            public Map<String, Object> metadata() {
                return Map.of();
            }

            @Override
            public String execute() {
                if (fail) {
                    throw new IllegalStateException("boom");
                }
                return "ok";
            }
        };
    }
}
