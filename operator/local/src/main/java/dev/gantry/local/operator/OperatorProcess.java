package dev.gantry.local.operator;

import dev.gantry.local.process.Backoff;
import dev.gantry.local.process.ChildProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The real operator (the packaged Quarkus application) as a child process, configured as the Helm chart would
 * configure it for this cluster: the kubeconfig of the embedded API server, leader election on (the Lease lives
 * there), readable logs, and the gateway's proxy paths in place of pod IPs and Service DNS names for analysis and
 * evaluation. Once it has been ready, an operator that exits (crashes, or is killed with {@code kill -9}) is started
 * again with the kubelet's back-off, as its Deployment's pod would be: it resumes from what the API server holds.
 */
public final class OperatorProcess implements AutoCloseable {

    static final Duration GRACE = Duration.ofSeconds(5);
    private static final Logger LOG = Logger.getLogger(OperatorProcess.class.getName());

    private final OperatorConfig config;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60));
    private volatile ChildProcess process;
    private volatile boolean supervised;
    private volatile boolean stopped;
    private volatile int restarts;

    public OperatorProcess(OperatorConfig config) {
        this.config = config;
    }

    /** The operator's environment: what the Helm chart's Deployment sets, pointed at local mode. */
    public Map<String, String> environment() {
        var gateway = "http://127.0.0.1:" + config.gatewayPort() + "/_gantry";
        var env = new LinkedHashMap<String, String>();
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("HOME", System.getProperty("user.home"));
        env.put("HOSTNAME", "gantry-operator-local");
        env.put("KUBECONFIG", config.kubeconfig().toString());
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("QUARKUS_HTTP_PORT", String.valueOf(config.httpPort()));
        env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        env.put("GANTRY_RUNTIME_LOG_FORMAT", "text");
        env.put("GANTRY_RECONCILE_PROGRESS_RESYNC", "10s");
        env.put("GANTRY_ANALYSIS_POD_METRICS_URL", gateway + "/pods/{namespace}/{pod}/metrics");
        env.put("GANTRY_EVALUATION_SERVICE_URL", gateway + "/services/{namespace}/{service}/{port}");
        return env;
    }

    public synchronized void start() {
        var command = List.of(
                config.java(),
                "-Xmx512m",
                "-jar",
                config.app().resolve("quarkus-run.jar").toString());
        var started = ChildProcess.start(
                "gantry-operator", command, environment(), config.log().getParent(), config.log());
        process = started;
        started.onExit().thenRun(() -> exited(started));
    }

    /** A supervised operator that exited is started again after the back-off, unless local mode is stopping. */
    private void exited(ChildProcess child) {
        if (stopped || !supervised || child != process) {
            return;
        }
        var delay = backoff.afterExit(Duration.between(child.startedAt(), Instant.now()));
        LOG.warning("the operator (pid " + child.pid() + ") exited with code "
                + child.exitCode().orElse(-1) + "; starting it again in " + delay.toMillis() + " ms");
        CompletableFuture.runAsync(
                this::restart, CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS));
    }

    private synchronized void restart() {
        if (stopped) {
            return;
        }
        restarts++;
        start();
    }

    /** How many times the operator was started again after it exited. */
    public int restarts() {
        return restarts;
    }

    /**
     * Waits until the operator's readiness check (informers started) passes; from then on, an exit is answered by a
     * restart.
     */
    public void awaitReady(Duration timeout) {
        var deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "the operator exited with code " + process.exitCode().orElse(-1) + "; see " + config.log());
            }
            if (ready()) {
                supervised = true;
                return;
            }
            sleep(250);
        }
        throw new IllegalStateException("the operator was not ready within " + timeout + "; see " + config.log());
    }

    public boolean ready() {
        try {
            var request = HttpRequest.newBuilder(URI.create(url("/q/health/ready")))
                    .timeout(Duration.ofSeconds(2))
                    .build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public String url(String path) {
        return "http://127.0.0.1:" + config.httpPort() + path;
    }

    public ChildProcess process() {
        return process;
    }

    /** SIGKILL, as a crashed operator pod: once it had been ready, it is started again (see {@link #restarts()}). */
    public void kill() {
        var current = process;
        if (current != null) {
            current.kill();
        }
    }

    /**
     * SIGTERM, and SIGKILL after {@link #GRACE}: with leader election on, java-operator-sdk calls
     * {@code System.exit} from its stop-leading callback while the JVM is already shutting down, which blocks until
     * the kill.
     */
    @Override
    public void close() {
        ChildProcess current;
        synchronized (this) {
            stopped = true;
            current = process;
        }
        if (current != null && current.isAlive()) {
            current.stop(GRACE);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
