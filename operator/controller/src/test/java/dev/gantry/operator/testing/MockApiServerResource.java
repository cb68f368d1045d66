package dev.gantry.operator.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Starts a {@link MockApiServer} for a {@code @QuarkusTest} and points the operator's client at it. */
public final class MockApiServerResource implements QuarkusTestResourceLifecycleManager {

    private static MockApiServer server;

    public static MockApiServer server() {
        return server;
    }

    @Override
    public Map<String, String> start() {
        server = new MockApiServer();
        return Map.of(
                "quarkus.kubernetes-client.api-server-url", server.url(),
                "quarkus.kubernetes-client.trust-certs", "true",
                "quarkus.kubernetes-client.namespace", "default",
                "quarkus.kubernetes-client.devservices.enabled", "false",
                "gantry.reconcile.recheck-interval", "1s");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }
}
