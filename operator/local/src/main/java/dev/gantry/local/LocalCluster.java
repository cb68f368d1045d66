package dev.gantry.local;

import dev.gantry.local.cluster.ClusterSetup;
import dev.gantry.local.cluster.GarbageCollector;
import dev.gantry.local.endpoints.ServiceEndpoints;
import dev.gantry.local.gateway.Gateway;
import dev.gantry.local.node.NodeAgent;
import dev.gantry.local.node.NodeConfig;
import dev.gantry.local.operator.OperatorConfig;
import dev.gantry.local.operator.OperatorProcess;
import dev.gantry.local.process.LoopbackPorts;
import dev.gantry.operator.testing.MockApiServer;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * All of local mode, started in order and stopped in reverse: the embedded API server with Gantry's CRDs and a
 * kubeconfig, its garbage collector, the gateway, the node agent, the operator as a child process, and the applied
 * manifests.
 */
public final class LocalCluster implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LocalCluster.class.getName());

    private final LocalOptions options;
    private final List<AutoCloseable> started = new ArrayList<>();
    private MockApiServer apiServer;
    private Vertx vertx;
    private Gateway gateway;
    private NodeAgent node;
    private OperatorProcess operator;
    private List<HasMetadata> applied = List.of();
    private volatile boolean closed;

    private LocalCluster(LocalOptions options) {
        this.options = options;
    }

    /** Starts everything; on failure, stops what was started and rethrows. */
    public static LocalCluster start(LocalOptions options) {
        var cluster = new LocalCluster(options);
        try {
            cluster.startAll();
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    private void startAll() {
        requireBuilt();
        requireFree(options.apiPort(), "--api-port");
        requireFree(options.gatewayPort(), "--gateway-port");
        requireFree(options.operatorPort(), "--operator-port");
        prepareStateDir();
        System.setProperty("gantry.root", options.root().toString());
        apiServer = new MockApiServer(options.apiPort());
        started.add(apiServer);
        ClusterSetup.namespace(apiServer.client(), "default");
        ClusterSetup.namespace(apiServer.client(), options.namespace());
        apiServer.installGatewayApi();
        apiServer.writeKubeconfig(options.kubeconfig(), options.namespace());
        ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
            var thread = new Thread(r, "api-server-housekeeping");
            thread.setDaemon(true);
            return thread;
        });
        housekeeping.scheduleWithFixedDelay(apiServer::forgetRecordedRequests, 30, 30, TimeUnit.SECONDS);
        started.add(housekeeping::shutdownNow);
        started.add(GarbageCollector.start(apiServer.client()));

        vertx = Vertx.vertx();
        started.add(
                () -> vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS));
        var endpoints = ServiceEndpoints.watch(apiServer.client());
        started.add(endpoints);
        gateway = Gateway.start(apiServer.client(), vertx, endpoints, options.gatewayPort());
        started.add(gateway);

        var java = ProcessHandle.current().info().command().orElse("java");
        node = new NodeAgent(
                apiServer.client(),
                endpoints,
                vertx,
                new NodeConfig(
                        options.stateDir(),
                        options.runtimeJar(),
                        options.root().resolve("serving-runtime/models"),
                        java,
                        options.redisServer(),
                        options.restartBackoff(),
                        Duration.ofSeconds(60),
                        Duration.ofSeconds(1)));
        node.start();
        started.add(node);
        apiServer.servePodLogs(node::log);

        operator = new OperatorProcess(new OperatorConfig(
                java,
                options.operatorApp(),
                options.kubeconfig(),
                LoopbackPorts.pick(options.operatorPort()),
                gateway.port(),
                options.stateDir().resolve("logs/operator.log")));
        operator.start();
        started.add(operator);
        operator.awaitReady(Duration.ofSeconds(90));

        options.manifests()
                .ifPresent(
                        manifests -> applied = ClusterSetup.apply(apiServer.client(), manifests, options.namespace()));
    }

    private void requireBuilt() {
        for (var path : List.of(options.runtimeJar(), options.operatorApp().resolve("quarkus-run.jar"))) {
            if (!Files.exists(path)) {
                throw new IllegalStateException(path
                        + " is missing; build with ./mvnw -B install -DskipTests (operator/local/gantry-local does)");
            }
        }
    }

    /** A fixed port must be free: another local mode, or anything else, may hold it. */
    private static void requireFree(int port, String option) {
        if (port != 0 && LoopbackPorts.listening(port)) {
            throw new IllegalStateException("127.0.0.1:" + port
                    + " is in use (another gantry-local?); choose another with " + option + "=PORT");
        }
    }

    private void prepareStateDir() {
        try {
            Files.createDirectories(options.stateDir());
            for (var leftover : List.of("pods", "logs")) {
                var dir = options.stateDir().resolve(leftover);
                if (Files.exists(dir)) {
                    try (var files = Files.walk(dir)) {
                        files.sorted(java.util.Comparator.reverseOrder())
                                .forEach(f -> f.toFile().delete());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + options.stateDir(), e);
        }
    }

    public KubernetesClient client() {
        return apiServer.client();
    }

    public MockApiServer apiServer() {
        return apiServer;
    }

    public String gatewayUrl() {
        return "http://127.0.0.1:" + gateway.port();
    }

    public NodeAgent node() {
        return node;
    }

    public OperatorProcess operator() {
        return operator;
    }

    public LocalOptions options() {
        return options;
    }

    public List<HasMetadata> applied() {
        return applied;
    }

    /** Stops everything in reverse order; every process local mode started is gone when this returns. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "stopping " + started.get(i) + ": " + e.getMessage(), e);
            }
        }
    }
}
