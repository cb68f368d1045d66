package dev.gantry.local.node;

import dev.gantry.local.process.Backoff;
import dev.gantry.local.process.ChildProcess;
import dev.gantry.local.process.LoopbackPorts;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * One pod of a Deployment, run on this machine: its containers as processes on loopback host ports (one per
 * declared container port, kept across container restarts as a pod keeps its IP), its files in its own
 * directory, its logs under the node's log directory.
 */
final class LocalPod {

    final String namespace;
    final String name;
    final String templateHash;
    final Map<String, String> labels;
    final Map<String, String> annotations;
    final OwnerReference owner;
    final PodSpec spec;
    final Instant createdAt = Instant.now();

    private final PodServices services;
    private final PodFilesystem files;
    private final Map<Integer, Integer> hostPorts = new HashMap<>();
    private final List<ContainerRunner> containers = new ArrayList<>();
    private volatile String uid;
    private volatile Instant deletionTimestamp;
    private volatile boolean gone;
    private Instant readySince;
    private boolean wasReady;

    LocalPod(
            String namespace,
            String name,
            String templateHash,
            Map<String, String> labels,
            Map<String, String> annotations,
            OwnerReference owner,
            PodSpec spec,
            PodServices services) {
        this.namespace = namespace;
        this.name = name;
        this.templateHash = templateHash;
        this.labels = labels;
        this.annotations = annotations;
        this.owner = owner;
        this.spec = spec;
        this.services = services;
        this.files = new PodFilesystem(
                services.podsDir().resolve(namespace).resolve(name),
                services.claimsDir(),
                namespace,
                services.objects(),
                imageFiles(spec, services.images()));
        assignHostPorts();
    }

    void start() {
        for (var container : spec.getContainers()) {
            var runner = new ContainerRunner(
                    name,
                    container,
                    () -> launch(container),
                    new Backoff(services.backoffInitial(), services.backoffMax()),
                    services.prober(),
                    hostPorts,
                    services.probePeriod(),
                    gracePeriod());
            containers.add(runner);
            runner.start(services.ticks());
        }
    }

    private ChildProcess launch(Container container) throws ContainerConfigException {
        if (spec.getInitContainers() != null && !spec.getInitContainers().isEmpty()) {
            throw new ContainerConfigException(
                    ContainerConfigException.CONFIG_ERROR,
                    "local mode does not run init containers ("
                            + spec.getInitContainers().get(0).getName()
                            + "); serve a file:// model, or a pvc:// model from .cache/local/volumes/<namespace>/<claim>");
        }
        var image = services.images().require(container.getImage());
        files.mount(container, spec.getVolumes() == null ? List.of() : spec.getVolumes());
        var fields = new EnvResolver.PodFields(
                namespace, name, uid == null ? "" : uid, labels, spec.getServiceAccountName());
        var resolved = new EnvResolver(services.objects()).resolve(container, fields);
        var env = new java.util.LinkedHashMap<String, String>();
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin"));
        env.put("HOME", files.dir().toString());
        env.put("HOSTNAME", name);
        resolved.forEach((key, value) -> env.put(key, map(value)));
        var request = new LaunchRequest(
                name,
                container,
                mapAll(container.getCommand(), resolved),
                mapAll(container.getArgs(), resolved),
                env,
                hostPorts,
                files,
                memoryLimit(container));
        var plan = image.launch(request);
        var log = services.logs().of(namespace, name, container.getName());
        return ChildProcess.start(
                name + "/" + container.getName(), plan.command(), plan.environment(), files.dir(), log);
    }

    private String map(String value) {
        return services.proxies().rewrite(files.rewrite(value), namespace);
    }

    private List<String> mapAll(List<String> values, Map<String, String> env) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        return values.stream().map(v -> map(EnvResolver.expand(v, env))).toList();
    }

    private void assignHostPorts() {
        for (var container : spec.getContainers()) {
            if (container.getPorts() == null) {
                continue;
            }
            for (var port : container.getPorts()) {
                int hostPort = hostPorts.computeIfAbsent(port.getContainerPort(), p -> LoopbackPorts.pick(0));
                port.setHostPort(hostPort);
            }
        }
    }

    private static Map<String, java.nio.file.Path> imageFiles(PodSpec spec, ImageCatalog images) {
        var result = new HashMap<String, java.nio.file.Path>();
        spec.getContainers().forEach(c -> images.find(c.getImage()).ifPresent(i -> result.putAll(i.files())));
        return result;
    }

    private static OptionalLong memoryLimit(Container container) {
        var resources = container.getResources();
        if (resources == null
                || resources.getLimits() == null
                || !resources.getLimits().containsKey("memory")) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(
                Quantity.getAmountInBytes(resources.getLimits().get("memory")).longValue());
    }

    Duration gracePeriod() {
        var seconds = spec.getTerminationGracePeriodSeconds();
        return Duration.ofSeconds(seconds == null ? 30 : seconds);
    }

    /** The preStop sleep of the first container that has one; other preStop handlers are not run here. */
    private Duration preStop() {
        for (var container : spec.getContainers()) {
            var lifecycle = container.getLifecycle();
            if (lifecycle != null
                    && lifecycle.getPreStop() != null
                    && lifecycle.getPreStop().getSleep() != null) {
                return Duration.ofSeconds(lifecycle.getPreStop().getSleep().getSeconds());
            }
        }
        return Duration.ZERO;
    }

    /** Deletes the pod as the kubelet does: not ready at once, then each container's preStop, SIGTERM, SIGKILL. */
    CompletableFuture<Void> terminate() {
        if (deletionTimestamp == null) {
            deletionTimestamp = Instant.now();
        }
        var preStop = preStop();
        var grace = gracePeriod().minus(preStop);
        var stops = containers.stream()
                .map(c -> c.stop(preStop, grace.isNegative() ? Duration.ZERO : grace, services.blocking()))
                .toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(stops).whenComplete((v, e) -> gone = true);
    }

    /** Stops every container without the preStop sleep, for a node that is shutting down. */
    CompletableFuture<Void> shutdown(Duration grace) {
        deletionTimestamp = deletionTimestamp == null ? Instant.now() : deletionTimestamp;
        var stops = containers.stream()
                .map(c -> c.stop(Duration.ZERO, grace, services.blocking()))
                .toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(stops).whenComplete((v, e) -> gone = true);
    }

    /** Kills every container at once, for a node that is shutting down. */
    void kill() {
        deletionTimestamp = deletionTimestamp == null ? Instant.now() : deletionTimestamp;
        containers.forEach(ContainerRunner::kill);
        gone = true;
    }

    List<ContainerSnapshot> containers() {
        return containers.stream().map(ContainerRunner::snapshot).toList();
    }

    List<ChildProcess> processes() {
        return containers.stream().flatMap(c -> c.process().stream()).toList();
    }

    boolean ready() {
        var snapshots = containers();
        return deletionTimestamp == null
                && !snapshots.isEmpty()
                && snapshots.stream().allMatch(ContainerSnapshot::ready);
    }

    /** When the pod last became ready or unready, for its conditions' transition times. */
    synchronized Instant readyTransition() {
        boolean now = ready();
        if (readySince == null || now != wasReady) {
            readySince = Instant.now();
            wasReady = now;
        }
        return readySince;
    }

    boolean terminating() {
        return deletionTimestamp != null;
    }

    Instant deletionTimestamp() {
        return deletionTimestamp;
    }

    boolean gone() {
        return gone;
    }

    String uid() {
        return uid;
    }

    void uid(String uid) {
        this.uid = uid;
    }

    Map<Integer, Integer> hostPorts() {
        return hostPorts;
    }

    java.nio.file.Path dir() {
        return files.dir();
    }
}
