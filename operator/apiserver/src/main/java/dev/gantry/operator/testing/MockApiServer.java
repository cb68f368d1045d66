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
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;

/**
 * A fabric8 mock API server in CRUD mode with server-side apply, the ModelDeployment and ModelRollout CRDs
 * from {@code crds/} registered (so their status is a subresource) and stored (so the operator can look
 * them up), and a client for it. It listens on loopback only, on a free port or a given one, and writes a
 * kubeconfig for other processes (the operator, kubectl, the gantry CLI).
 */
public final class MockApiServer implements AutoCloseable {

    /** Held so the level sticks: the mock server logs every request at INFO. */
    private static final java.util.logging.Logger QUIET = quiet("io.fabric8.mockwebserver");

    private final ServerSideApplyDispatcher dispatcher = new ServerSideApplyDispatcher();
    private final MockWebServer webServer = new MockWebServer();
    private final KubernetesMockServer server;
    private final KubernetesClient client;

    /** On a free loopback port. */
    public MockApiServer() {
        this(0);
    }

    /**
     * On {@code 127.0.0.1:port}; 0 picks a free port.
     *
     * @throws IllegalStateException when the port is taken
     */
    public MockApiServer(int port) {
        server = new KubernetesMockServer(new Context(), webServer, new HashMap<>(), dispatcher, false);
        server.init(InetAddress.getLoopbackAddress(), port);
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

    public int port() {
        return server.getPort();
    }

    /**
     * Writes a kubeconfig whose current context points at this server, for kubectl, the gantry CLI and the
     * operator ({@code KUBECONFIG=file}). The server has no authentication: the user entry is empty.
     */
    public Path writeKubeconfig(Path file, String namespace) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, Kubeconfig.render("http://127.0.0.1:" + port(), namespace));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Serves {@code kubectl logs} (the pods' {@code log} subresource) from this source. */
    public void servePodLogs(PodLogs logs) {
        dispatcher.servePodLogs(logs);
    }

    /**
     * Drops the requests the mock web server records for tests' {@code takeRequest()}; a long-running server calls
     * this now and then, or the record grows without bound.
     */
    public void forgetRecordedRequests() {
        webServer.reset();
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
