package dev.gantry.operator.testing;

import dev.gantry.operator.modeldeployment.ModelDeploymentReconciler;
import dev.gantry.operator.modeldeployment.ReconcilerSettings;
import dev.gantry.operator.render.OperatorDefaults;
import dev.gantry.operator.traffic.TrafficSplitSource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import java.time.Clock;
import java.time.Duration;

/**
 * The ModelDeployment controller on plain java-operator-sdk (no Quarkus), against a mock API server: fast to
 * start and stop, so tests can also restart the operator.
 */
public final class OperatorHarness implements AutoCloseable {

    public static final Duration RECHECK = Duration.ofMillis(500);

    private final Operator operator;

    private OperatorHarness(Operator operator) {
        this.operator = operator;
    }

    public static OperatorHarness start(KubernetesClient client, Clock clock) {
        return start(client, clock, TrafficSplitSource.NONE, Metrics.NOOP);
    }

    public static OperatorHarness start(
            KubernetesClient client, Clock clock, TrafficSplitSource rollouts, Metrics metrics) {
        var settings = new ReconcilerSettings(OperatorDefaults.standard(), RECHECK, Duration.ofSeconds(2), "test");
        var operator = new Operator(o -> o.withKubernetesClient(client)
                .withCloseClientOnStop(false)
                .withStopOnInformerErrorDuringStartup(true)
                .withConcurrentReconciliationThreads(4)
                .withMetrics(metrics)
                .withUseSSAToPatchPrimaryResource(true));
        operator.register(new ModelDeploymentReconciler(settings, clock, rollouts, client));
        operator.start();
        return new OperatorHarness(operator);
    }

    @Override
    public void close() {
        operator.stop();
    }
}
