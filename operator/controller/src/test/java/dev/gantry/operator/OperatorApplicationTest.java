package dev.gantry.operator;

import static dev.gantry.operator.testing.Cluster.eventually;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import dev.gantry.api.v1alpha1.ModelRollout;
import dev.gantry.api.v1alpha1.rollout.RolloutPhase;
import dev.gantry.operator.testing.Cluster;
import dev.gantry.operator.testing.Fixtures;
import dev.gantry.operator.testing.MockApiServerResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * The packaged operator as Quarkus runs it: CDI wiring, configuration, health, metrics, one full reconcile of a
 * ModelDeployment and of the ModelRollout that targets it.
 */
@QuarkusTest
@QuarkusTestResource(MockApiServerResource.class)
class OperatorApplicationTest {

    @Test
    void reconcilesAModelDeploymentAndExposesHealthAndMetrics() {
        var cluster = new Cluster(MockApiServerResource.server().client());
        cluster.apply(Fixtures.example("cpu-tiny", cluster.namespace()));

        eventually(() -> {
            assertThat(cluster.runtimeDeployments("tiny")).hasSize(1);
            assertThat(cluster.md("tiny").getStatus().getObservedGeneration()).isEqualTo(1L);
        });
        assertThat(cluster.runtimeDeployments("tiny")
                        .get(0)
                        .getSpec()
                        .getTemplate()
                        .getSpec()
                        .getContainers()
                        .get(0)
                        .getImage())
                .as("the image configured in application.properties")
                .isEqualTo("ghcr.io/gantry-dev/gantry-runtime:0.1.0");

        var rollout = MockApiServerResource.server()
                .client()
                .getKubernetesSerialization()
                .unmarshal("""
                        apiVersion: gantry.dev/v1alpha1
                        kind: ModelRollout
                        metadata: {name: tiny}
                        spec:
                          targetRef: {name: tiny}
                          strategy: {canary: {trafficRouter: ReplicaRatio, steps: [{setWeight: 50}]}}
                        """, ModelRollout.class);
        rollout.getMetadata().setNamespace(cluster.namespace());
        MockApiServerResource.server().client().resource(rollout).create();
        eventually(() -> {
            var status = MockApiServerResource.server()
                    .client()
                    .resources(ModelRollout.class)
                    .inNamespace(cluster.namespace())
                    .withName("tiny")
                    .get()
                    .getStatus();
            assertThat(status.getPhase()).isEqualTo(RolloutPhase.Idle);
            assertThat(status.getStableRevision())
                    .isEqualTo(cluster.md("tiny").getStatus().getStableRevision());
        });

        given().get("/q/health/ready").then().statusCode(200).body(containsString("\"status\": \"UP\""));
        given().get("/q/health/live").then().statusCode(200);
        eventually(() -> given().get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString(
                        "gantry_reconcile_seconds_count{controller=\"modeldeployment\",name=\"tiny\",namespace=\""
                                + cluster.namespace() + "\",result=\"success\"}"))
                .body(containsString("reconciliations_started_total{controller_name=\"modeldeployment\""))
                .body(containsString("reconciliations_started_total{controller_name=\"modelrollout\"")));
    }
}
