package dev.gantry.operator.modeldeployment;

import static dev.gantry.operator.testing.Cluster.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.operator.modeldeployment.dependent.GatewayApiInstalled;
import dev.gantry.operator.testing.Cluster;
import dev.gantry.operator.testing.Fixtures;
import dev.gantry.operator.testing.MockApiServer;
import dev.gantry.operator.testing.MutableClock;
import dev.gantry.operator.testing.OperatorHarness;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class GatewayApiMissingTest {

    @Test
    void servesThroughItsServiceAndSaysWhyThereIsNoRouteWithoutGatewayApi() {
        GatewayApiInstalled.reset();
        try (var api = new MockApiServer();
                var operator = OperatorHarness.start(api.client(), new MutableClock(Instant.EPOCH))) {
            var cluster = new Cluster(api.client());

            cluster.apply(Fixtures.fromYaml("""
                    apiVersion: gantry.dev/v1alpha1
                    kind: ModelDeployment
                    metadata:
                      name: routed
                    spec:
                      model: {uri: "file:///opt/gantry/models/stories260K", name: stories}
                      gateway: {parentRefs: [{name: public}]}
                    """, cluster.namespace()));

            eventually(() -> {
                assertThat(cluster.reason("routed", "Degraded")).isEqualTo("GatewayApiMissing");
                assertThat(cluster.runtimeDeployments("routed")).hasSize(1);
                assertThat(cluster.hasEvent("routed", "Warning", "GatewayApiMissing"))
                        .isTrue();
            });
        } finally {
            GatewayApiInstalled.reset();
        }
    }
}
