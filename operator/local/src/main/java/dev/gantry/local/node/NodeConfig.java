package dev.gantry.local.node;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The node agent's settings.
 *
 * @param stateDir where pods' files ({@code pods/}), logs ({@code logs/}), claims ({@code volumes/}) and the runtime
 *     image ({@code images/}) live
 * @param runtimeJar the serving runtime's runnable jar
 * @param modelsDir what the runtime image holds at {@code /opt/gantry/models}
 * @param java the java command for runtime containers
 * @param redisServer the redis-server program for Redis containers
 * @param backoffInitial the first crash-loop back-off (the kubelet's is 10s)
 * @param backoffMax the longest back-off (the kubelet's is 5m)
 * @param probePeriod the longest time between two startup or readiness probes
 */
public record NodeConfig(
        Path stateDir,
        Path runtimeJar,
        Path modelsDir,
        String java,
        String redisServer,
        Duration backoffInitial,
        Duration backoffMax,
        Duration probePeriod) {}
