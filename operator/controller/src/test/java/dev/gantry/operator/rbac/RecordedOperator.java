package dev.gantry.operator.rbac;

import dev.gantry.operator.modeldeployment.ModelDeploymentReconciler;
import dev.gantry.operator.modeldeployment.ReconcilerSettings;
import dev.gantry.operator.modelrollout.RolloutTrafficSource;
import dev.gantry.operator.render.OperatorDefaults;
import dev.gantry.operator.testing.MockApiServer;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfigurationBuilder;
import java.time.Clock;
import java.time.Duration;

/**
 * The operator as production runs it, as far as API calls go: leader election on a Lease in its own namespace,
 * reconcilers watching the configured namespaces, and a client of its own whose requests are recorded.
 */
final class RecordedOperator implements AutoCloseable {

    static final String LEASE = "gantry-operator-lease";

    private final Operator operator;
    private final KubernetesClient client;

    private RecordedOperator(Operator operator, KubernetesClient client) {
        this.operator = operator;
        this.client = client;
    }

    static RecordedOperator start(MockApiServer api, ApiCallRecorder recorder, String watched, String leaseNamespace) {
        var config = new ConfigBuilder(api.client().getConfiguration()).build();
        var client = new KubernetesClientBuilder()
                .withConfig(config)
                .withHttpClientBuilderConsumer(builder -> builder.addOrReplaceInterceptor("rbac-recorder", recorder))
                .build();
        var settings = new ReconcilerSettings(
                OperatorDefaults.standard(), Duration.ofMillis(500), Duration.ofSeconds(2), "recorded");
        var operator = new Operator(o -> o.withKubernetesClient(client)
                .withCloseClientOnStop(false)
                .withStopOnInformerErrorDuringStartup(true)
                .withUseSSAToPatchPrimaryResource(true)
                .withLeaderElectionConfiguration(LeaderElectionConfigurationBuilder.aLeaderElectionConfiguration(LEASE)
                        .withLeaseNamespace(leaseNamespace)
                        .withIdentity("recorded")
                        .withRetryPeriod(Duration.ofMillis(500))
                        .buildForTest(false)));
        operator.register(
                new ModelDeploymentReconciler(settings, Clock.systemUTC(), new RolloutTrafficSource(), client),
                overrider -> overrider.settingNamespaces(watched));
        operator.start();
        return new RecordedOperator(operator, client);
    }

    @Override
    public void close() {
        operator.stop();
        client.close();
    }
}
