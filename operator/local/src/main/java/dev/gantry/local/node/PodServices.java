package dev.gantry.local.node;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/** What every local pod shares: the node's directories, images, Service proxies, probes and threads. */
record PodServices(
        Path podsDir,
        PodLogFiles logs,
        Path claimsDir,
        ImageCatalog images,
        ClusterObjects objects,
        ServiceProxies proxies,
        Prober prober,
        ScheduledExecutorService ticks,
        Executor blocking,
        Duration backoffInitial,
        Duration backoffMax,
        Duration probePeriod) {}
