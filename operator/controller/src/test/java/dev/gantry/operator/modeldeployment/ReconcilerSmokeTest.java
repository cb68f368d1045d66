package dev.gantry.operator.modeldeployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gantry.api.v1alpha1.ModelDeployment;
import dev.gantry.operator.testing.Fixtures;
import dev.gantry.operator.testing.MockApiServer;
import dev.gantry.operator.testing.MutableClock;
import dev.gantry.operator.testing.OperatorHarness;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReconcilerSmokeTest {

    @Test
    void createsChildren() throws Exception {
        try (var api = new MockApiServer();
                var operator =
                        OperatorHarness.start(api.client(), new MutableClock(Instant.parse("2025-01-01T00:00:00Z")))) {
            var client = api.client();
            client.resource(Fixtures.example("cpu-tiny", "default")).create();
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                var md = client.resources(ModelDeployment.class)
                        .inNamespace("default")
                        .withName("tiny")
                        .get();
                assertThat(md.getStatus()).isNotNull();
                assertThat(md.getStatus().getObservedGeneration()).isEqualTo(1L);
            });
            client.apps()
                    .deployments()
                    .inNamespace("default")
                    .list()
                    .getItems()
                    .forEach(d -> System.out.println(d.getMetadata().getName()));
            var md = client.resources(ModelDeployment.class)
                    .inNamespace("default")
                    .withName("tiny")
                    .get();
            System.out.println(io.fabric8.kubernetes.client.utils.Serialization.asYaml(md.getStatus()));
            assertThat(client.apps().deployments().inNamespace("default").list().getItems())
                    .extracting(d -> d.getMetadata().getName())
                    .contains("tiny-cache");
        }
    }
}
