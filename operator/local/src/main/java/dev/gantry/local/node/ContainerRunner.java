package dev.gantry.local.node;

import dev.gantry.local.process.Backoff;
import dev.gantry.local.process.ChildProcess;
import io.fabric8.kubernetes.api.model.Container;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One container of a pod, run as the kubelet runs it with {@code restartPolicy: Always}: started when its
 * configuration can be resolved, probed, restarted with back-off whenever it exits or fails its liveness probe,
 * and stopped with its preStop sleep and grace period.
 */
final class ContainerRunner {

    private static final Logger LOG = Logger.getLogger(ContainerRunner.class.getName());
    private static final Duration TICK = Duration.ofMillis(200);
    private static final Duration CONFIG_RETRY = Duration.ofSeconds(2);

    /** Resolves the container's configuration and starts its process. */
    interface Starter {
        ChildProcess start() throws ContainerConfigException;
    }

    private final String pod;
    private final Container spec;
    private final Starter starter;
    private final Backoff backoff;
    private final ContainerProbes probes;
    private final Duration killGrace;

    private String waitingReason = ContainerConfigException.CREATING;
    private String waitingMessage;
    private Instant nextAttempt = Instant.EPOCH;
    private ChildProcess process;
    private Instant runningSince;
    private int restarts;
    private ContainerSnapshot.Termination last;
    private ContainerSnapshot.Termination terminated;
    private boolean ready;
    private boolean started;
    private boolean stopping;
    private ScheduledFuture<?> ticks;
    private ScheduledExecutorService executor;

    ContainerRunner(
            String pod,
            Container spec,
            Starter starter,
            Backoff backoff,
            Prober prober,
            Map<Integer, Integer> hostPorts,
            Duration probePeriod,
            Duration killGrace) {
        this.pod = pod;
        this.spec = spec;
        this.starter = starter;
        this.backoff = backoff;
        this.probes = new ContainerProbes(spec, prober, hostPorts, probePeriod);
        this.killGrace = killGrace;
    }

    void start(ScheduledExecutorService executor) {
        this.executor = executor;
        ticks = executor.scheduleWithFixedDelay(this::tick, 0, TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void tick() {
        try {
            var now = Instant.now();
            synchronized (this) {
                if (stopping) {
                    return;
                }
                if (process == null) {
                    if (!now.isBefore(nextAttempt)) {
                        launch(now);
                    }
                    return;
                }
                if (!process.isAlive()) {
                    exited(now);
                    return;
                }
            }
            var verdict = probes.run(now);
            synchronized (this) {
                if (stopping || process == null) {
                    return;
                }
                started = verdict.started();
                ready = verdict.ready();
                if (verdict.restart() != null) {
                    restartUnhealthy(verdict.restart());
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "container " + spec.getName() + " of pod " + pod + ": " + e.getMessage(), e);
        }
    }

    private void launch(Instant now) {
        try {
            process = starter.start();
            runningSince = now;
            waitingReason = null;
            waitingMessage = null;
            ready = false;
            probes.reset(now);
            started = false;
        } catch (ContainerConfigException e) {
            boolean pullAgain = ContainerConfigException.IMAGE_PULL.equals(e.reason())
                    && (ContainerConfigException.IMAGE_PULL.equals(waitingReason)
                            || "ImagePullBackOff".equals(waitingReason));
            waitingReason = pullAgain ? "ImagePullBackOff" : e.reason();
            waitingMessage = e.getMessage();
            nextAttempt = now.plus(pullAgain ? Duration.ofSeconds(10) : CONFIG_RETRY);
        }
    }

    private void exited(Instant now) {
        int code = process.exitCode().orElse(-1);
        last = new ContainerSnapshot.Termination(code, code == 0 ? "Completed" : "Error", runningSince, now);
        var ranFor = Duration.between(runningSince, now);
        LOG.info("container " + spec.getName() + " of pod " + pod + " exited with code " + code);
        process = null;
        runningSince = null;
        ready = false;
        started = false;
        restarts++;
        var delay = backoff.afterExit(ranFor);
        nextAttempt = now.plus(delay);
        if (delay.isZero()) {
            launch(now);
        } else {
            waitingReason = "CrashLoopBackOff";
            waitingMessage =
                    "back-off " + delay.toSeconds() + "s restarting failed container=" + spec.getName() + " pod=" + pod;
        }
    }

    /** Kills a container its probes gave up on; the next tick sees it exit and restarts it. */
    private void restartUnhealthy(String why) {
        if (process == null) {
            return;
        }
        LOG.info("container " + spec.getName() + " of pod " + pod + ": " + why + ", restarting it");
        var doomed = process;
        ready = false;
        doomed.terminate();
        executor.schedule(
                () -> {
                    if (doomed.isAlive()) {
                        doomed.kill();
                    }
                },
                killGrace.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Stops the container for good: not ready at once, then the preStop sleep, SIGTERM, and SIGKILL after grace. */
    CompletableFuture<Void> stop(Duration preStop, Duration grace, java.util.concurrent.Executor blocking) {
        ChildProcess running;
        Instant since;
        synchronized (this) {
            stopping = true;
            ready = false;
            if (ticks != null) {
                ticks.cancel(false);
            }
            running = process;
            since = runningSince;
        }
        if (running == null) {
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.runAsync(
                () -> {
                    sleep(preStop);
                    running.stop(grace);
                    synchronized (this) {
                        int code = running.exitCode().orElse(137);
                        terminated = new ContainerSnapshot.Termination(
                                code, code == 0 ? "Completed" : "Error", since, Instant.now());
                        process = null;
                        runningSince = null;
                    }
                },
                blocking);
    }

    /** Kills at once, for a local mode that is shutting down. */
    void kill() {
        ChildProcess running;
        synchronized (this) {
            stopping = true;
            ready = false;
            if (ticks != null) {
                ticks.cancel(false);
            }
            running = process;
        }
        if (running != null) {
            running.kill();
        }
    }

    synchronized ContainerSnapshot snapshot() {
        return new ContainerSnapshot(
                spec.getName(),
                spec.getImage(),
                process == null && terminated == null ? waitingReason : null,
                process == null && terminated == null ? waitingMessage : null,
                runningSince,
                ready,
                started,
                restarts,
                last,
                terminated,
                process == null ? null : process.pid());
    }

    synchronized java.util.Optional<ChildProcess> process() {
        return java.util.Optional.ofNullable(process);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
