package dev.gantry.operator.testing;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;

/**
 * A fabric8 mock API server in CRUD mode with server-side apply, the ModelDeployment and ModelRollout CRDs
 * from {@code crds/} registered (so their status is a subresource) and stored (so the operator can look
 * them up), and a client for it.
 */
public final class MockApiServer implements AutoCloseable {

    /** Held so the level sticks: the mock server logs every request at INFO. */
    private static final java.util.logging.Logger QUIET = quiet("io.fabric8.mockwebserver");

    private final ServerSideApplyDispatcher dispatcher = new ServerSideApplyDispatcher();
    private final KubernetesMockServer server;
    private final KubernetesClient client;

    public MockApiServer() {
        server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), dispatcher, false);
        server.init();
        client = server.createClient();
        for (var file : new String[] {"modeldeployments.gantry.dev.yaml", "modelrollouts.gantry.dev.yaml"}) {
            var crd = loadCrd(root().resolve("crds").resolve(file));
            dispatcher.expectCustomResource(CustomResourceDefinitionContext.fromCrd(crd));
            client.resource(crd).create();
        }
    }

    public KubernetesClient client() {
        return client;
    }

    public ServerSideApplyDispatcher dispatcher() {
        return dispatcher;
    }

    public String url() {
        return client.getConfiguration().getMasterUrl();
    }

    /** Makes Gateway API look installed, as its CRD does in a cluster. */
    public void installGatewayApi() {
        var crd = new io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder()
                .withNewMetadata()
                .withName("httproutes.gateway.networking.k8s.io")
                .endMetadata()
                .withNewSpec()
                .withGroup("gateway.networking.k8s.io")
                .withScope("Namespaced")
                .withNewNames()
                .withKind("HTTPRoute")
                .withPlural("httproutes")
                .withSingular("httproute")
                .endNames()
                .addNewVersion()
                .withName("v1")
                .withServed(true)
                .withStorage(true)
                .endVersion()
                .endSpec()
                .build();
        client.resource(crd).createOr(existing -> existing.update());
    }

    public static Path root() {
        var configured = System.getProperty("gantry.root");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        var here = Path.of("").toAbsolutePath();
        while (here != null && !Files.isDirectory(here.resolve("crds"))) {
            here = here.getParent();
        }
        if (here == null) {
            throw new IllegalStateException("cannot find the repository root (no crds/ above the working directory)");
        }
        return here;
    }

    private static java.util.logging.Logger quiet(String name) {
        var logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(java.util.logging.Level.WARNING);
        return logger;
    }

    private static CustomResourceDefinition loadCrd(Path file) {
        try (var in = Files.newInputStream(file)) {
            return Serialization.unmarshal(in, CustomResourceDefinition.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        client.close();
        server.destroy();
    }
}
