package dev.gantry.operator.modeldeployment;

import dev.gantry.api.v1alpha1.ModelDeployment;
import dev.gantry.operator.testing.Cluster;
import dev.gantry.operator.testing.Fixtures;
import dev.gantry.operator.testing.MockApiServer;
import dev.gantry.operator.testing.MutableClock;
import dev.gantry.operator.testing.OperatorHarness;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** One mock API server and one running controller per test class; one namespace per test. */
abstract class ReconcilerTestBase {

    static MockApiServer api;
    static MutableClock clock;
    static OperatorHarness operator;
    Cluster cluster;

    @BeforeAll
    static void startOperator() {
        api = new MockApiServer();
        api.installGatewayApi();
        dev.gantry.operator.modeldeployment.dependent.GatewayApiInstalled.reset();
        clock = new MutableClock(Instant.parse("2025-03-01T12:00:00Z"));
        operator = OperatorHarness.start(api.client(), clock);
    }

    @AfterAll
    static void stopOperator() {
        if (operator != null) {
            operator.close();
        }
        api.close();
    }

    @BeforeEach
    void newNamespace() {
        cluster = new Cluster(api.client());
    }

    static ModelDeployment yaml(String yaml) {
        return Fixtures.fromYaml(yaml, "unset");
    }

    /** A small CPU model with a fixed number of pods and no cache. */
    static ModelDeployment small(String name, int replicas) {
        return yaml("""
                apiVersion: gantry.dev/v1alpha1
                kind: ModelDeployment
                metadata:
                  name: %s
                spec:
                  model: {uri: "file:///opt/gantry/models/stories260K", name: stories}
                  replicas: %d
                """.formatted(name, replicas));
    }
}
