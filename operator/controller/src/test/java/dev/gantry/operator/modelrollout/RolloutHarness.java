package dev.gantry.operator.modelrollout;

import dev.gantry.operator.modeldeployment.ModelDeploymentReconciler;
import dev.gantry.operator.modeldeployment.ReconcilerSettings;
import dev.gantry.operator.render.OperatorDefaults;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Both controllers on plain java-operator-sdk against the mock API server, with the rollout's URL templates
 * pointing at loopback servers; stops and starts again like an operator restart.
 */
final class RolloutHarness implements AutoCloseable {

    static final Duration POLL = Duration.ofMillis(200);

    private final List<Operator> operators;

    private RolloutHarness(List<Operator> operators) {
        this.operators = operators;
    }

    static RolloutHarness start(KubernetesClient client, LoopbackServers servers) {
        var defaults = OperatorDefaults.standard();
        var mdSettings = new ReconcilerSettings(defaults, Duration.ofMillis(500), Duration.ofSeconds(2), "test");
        var rolloutSettings = new RolloutSettings(
                defaults, POLL, servers.podMetricsUrl(), Duration.ofSeconds(2), servers.serviceUrl(), "test");
        var operator = new Operator(o -> o.withKubernetesClient(client)
                .withCloseClientOnStop(false)
                .withStopOnInformerErrorDuringStartup(true)
                .withConcurrentReconciliationThreads(4)
                .withUseSSAToPatchPrimaryResource(true));
        operator.register(
                new ModelDeploymentReconciler(mdSettings, Clock.systemUTC(), new RolloutTrafficSource(), client));
        operator.register(new ModelRolloutReconciler(rolloutSettings, Clock.systemUTC(), client));
        operator.start();
        return new RolloutHarness(List.of(operator));
    }

    /**
     * Each controller on its own client, both watching one namespace, so that a test can tell the rollout
     * controller's API calls from the ModelDeployment controller's.
     */
    static RolloutHarness startApart(
            KubernetesClient deploymentClient,
            KubernetesClient rolloutClient,
            LoopbackServers servers,
            String namespace) {
        var defaults = OperatorDefaults.standard();
        var mdSettings = new ReconcilerSettings(defaults, Duration.ofMillis(500), Duration.ofSeconds(2), "test");
        var rolloutSettings = new RolloutSettings(
                defaults, POLL, servers.podMetricsUrl(), Duration.ofSeconds(2), servers.serviceUrl(), "test");
        var deployments = operatorOn(deploymentClient);
        deployments.register(
                new ModelDeploymentReconciler(
                        mdSettings, Clock.systemUTC(), new RolloutTrafficSource(), deploymentClient),
                overrider -> overrider.settingNamespaces(namespace));
        var rollouts = operatorOn(rolloutClient);
        rollouts.register(
                new ModelRolloutReconciler(rolloutSettings, Clock.systemUTC(), rolloutClient),
                overrider -> overrider.settingNamespaces(namespace));
        deployments.start();
        rollouts.start();
        return new RolloutHarness(List.of(deployments, rollouts));
    }

    private static Operator operatorOn(KubernetesClient client) {
        return new Operator(o -> o.withKubernetesClient(client)
                .withCloseClientOnStop(false)
                .withStopOnInformerErrorDuringStartup(true)
                .withUseSSAToPatchPrimaryResource(true));
    }

    @Override
    public void close() {
        operators.forEach(Operator::stop);
    }
}
