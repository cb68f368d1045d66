package dev.gantry.local.node;

import dev.gantry.local.endpoints.ServiceEndpoints;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The local node: plays the Deployment controller and the kubelet for the Deployments the operator manages
 * ({@code app.kubernetes.io/managed-by: gantry-operator}), running their pods' containers as processes on this
 * machine, and kube-proxy for the Services those containers reach by name.
 */
public final class NodeAgent implements AutoCloseable {

    public static final String NODE_NAME = "local";
    static final String MANAGED = "app.kubernetes.io/managed-by";

    private static final Logger LOG = Logger.getLogger(NodeAgent.class.getName());

    private final KubernetesClient client;
    private final PodServices services;
    private final ServiceProxies proxies;
    private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(daemon("node-agent"));
    private final ScheduledExecutorService ticks = Executors.newScheduledThreadPool(4, daemon("node-probes"));
    private final ExecutorService blocking = Executors.newCachedThreadPool(daemon("node-stop"));
    private final Map<String, DeploymentController> controllers = new HashMap<>();
    private final AtomicBoolean syncQueued = new AtomicBoolean();
    private SharedIndexInformer<Deployment> deployments;
    private SharedIndexInformer<Pod> pods;
    private volatile boolean closed;

    public NodeAgent(KubernetesClient client, ServiceEndpoints endpoints, Vertx vertx, NodeConfig config) {
        this.client = client;
        this.proxies = new ServiceProxies(vertx, endpoints);
        var runtime = new RuntimeImage(
                config.java(),
                config.runtimeJar(),
                config.stateDir().resolve("images/gantry-runtime"),
                config.modelsDir());
        runtime.build();
        this.services = new PodServices(
                directory(config.stateDir().resolve("pods")),
                new PodLogFiles(directory(config.stateDir().resolve("logs"))),
                directory(config.stateDir().resolve("volumes")),
                new ImageCatalog(List.of(runtime, new RedisImage(config.redisServer()))),
                new ClusterObjects(client),
                proxies,
                new Prober(),
                ticks,
                blocking,
                config.backoffInitial(),
                config.backoffMax(),
                config.probePeriod());
    }

    public void start() {
        deployments =
                client.apps().deployments().inAnyNamespace().withLabel(MANAGED).inform(handler(), 0);
        pods = client.pods().inAnyNamespace().withLabel(MANAGED).inform(new PodDeletions(), 0);
        loop.scheduleWithFixedDelay(this::sync, 0, 500, TimeUnit.MILLISECONDS);
    }

    /** The output of a pod's container so far, as {@code kubectl logs} shows it; the only container when not named. */
    public java.util.Optional<String> log(String namespace, String pod, String container) {
        return services.logs().read(namespace, pod, container);
    }

    /** The pods this node runs now, for tests and for people. */
    public List<RunningPod> pods() {
        return onLoop(() -> {
            var result = new ArrayList<RunningPod>();
            controllers.values().forEach(c -> c.pods().forEach(p -> result.add(RunningPod.of(p))));
            return result;
        });
    }

    private void sync() {
        syncQueued.set(false);
        if (closed) {
            return;
        }
        try {
            var seen = new java.util.HashSet<String>();
            for (var deployment : deployments.getStore().list()) {
                var key = key(
                        deployment.getMetadata().getNamespace(),
                        deployment.getMetadata().getName());
                seen.add(key);
                controllers
                        .computeIfAbsent(
                                key,
                                k -> new DeploymentController(
                                        client,
                                        services,
                                        deployment.getMetadata().getNamespace(),
                                        deployment.getMetadata().getName()))
                        .sync(deployment);
            }
            for (var entry : List.copyOf(controllers.entrySet())) {
                if (!seen.contains(entry.getKey())) {
                    entry.getValue().deleteAll();
                    if (entry.getValue().idle()) {
                        controllers.remove(entry.getKey());
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "node agent sync failed: " + e.getMessage(), e);
        }
    }

    private void requestSync() {
        if (!closed && syncQueued.compareAndSet(false, true)) {
            loop.execute(this::sync);
        }
    }

    private ResourceEventHandler<Deployment> handler() {
        return new ResourceEventHandler<>() {
            @Override
            public void onAdd(Deployment obj) {
                requestSync();
            }

            @Override
            public void onUpdate(Deployment oldObj, Deployment newObj) {
                if (!java.util.Objects.equals(oldObj.getSpec(), newObj.getSpec())) {
                    requestSync();
                }
            }

            @Override
            public void onDelete(Deployment obj, boolean deletedFinalStateUnknown) {
                requestSync();
            }
        };
    }

    /** Pods deleted through the API are stopped, as the kubelet stops them. */
    private final class PodDeletions implements ResourceEventHandler<Pod> {
        @Override
        public void onAdd(Pod obj) {}

        @Override
        public void onUpdate(Pod oldObj, Pod newObj) {}

        @Override
        public void onDelete(Pod pod, boolean deletedFinalStateUnknown) {
            if (closed) {
                return;
            }
            loop.execute(() -> {
                var owner = pod.getMetadata().getOwnerReferences().stream()
                        .filter(o -> "Deployment".equals(o.getKind()))
                        .findFirst();
                owner.map(o -> controllers.get(key(pod.getMetadata().getNamespace(), o.getName())))
                        .ifPresent(c -> c.deletedInApi(pod.getMetadata().getName()));
            });
        }
    }

    /** Stops every pod: SIGTERM to all at once, SIGKILL to what is left after {@code grace}. */
    @Override
    public void close() {
        close(java.time.Duration.ofSeconds(10));
    }

    public void close(java.time.Duration grace) {
        if (closed) {
            return;
        }
        closed = true;
        loop.shutdown();
        try {
            loop.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (deployments != null) {
            deployments.close();
            pods.close();
        }
        var stops = controllers.values().stream()
                .flatMap(c -> c.pods().stream())
                .map(p -> p.shutdown(grace))
                .toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(stops).get(grace.toSeconds() + 15, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warning("some pods did not stop in time; killing them");
        }
        controllers.values().forEach(DeploymentController::killAll);
        ticks.shutdownNow();
        blocking.shutdownNow();
        proxies.close();
    }

    private <T> T onLoop(java.util.concurrent.Callable<T> work) {
        try {
            return loop.submit(work).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the node agent did not answer", e);
        }
    }

    private static String key(String namespace, String name) {
        return namespace + "/" + name;
    }

    private static Path directory(Path path) {
        try {
            return Files.createDirectories(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        var count = new java.util.concurrent.atomic.AtomicInteger();
        return runnable -> {
            var thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
