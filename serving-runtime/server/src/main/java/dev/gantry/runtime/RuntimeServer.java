package dev.gantry.runtime;

import dev.gantry.engine.EngineOptions;
import dev.gantry.engine.InferenceEngine;
import dev.gantry.engine.ModelInfo;
import dev.gantry.engine.scheduler.SchedulerConfig;
import dev.gantry.runtime.auth.ApiKeyReloader;
import dev.gantry.runtime.auth.AuthHandler;
import dev.gantry.runtime.cache.RedisConnector;
import dev.gantry.runtime.cache.RedisResponseCache;
import dev.gantry.runtime.cache.ResponseCache;
import dev.gantry.runtime.config.GoDuration;
import dev.gantry.runtime.config.RuntimeConfig;
import dev.gantry.runtime.constraint.ConstraintCompiler;
import dev.gantry.runtime.constraint.ConstraintEngineSetup;
import dev.gantry.runtime.fault.FaultInjector;
import dev.gantry.runtime.http.ApiRouter;
import dev.gantry.runtime.http.Endpoints;
import dev.gantry.runtime.lifecycle.Lifecycle;
import dev.gantry.runtime.lifecycle.WarmUp;
import dev.gantry.runtime.metrics.RuntimeMetrics;
import dev.gantry.runtime.model.ModelLocator;
import dev.gantry.runtime.ratelimit.LocalRateLimiter;
import dev.gantry.runtime.ratelimit.RateLimiter;
import dev.gantry.runtime.ratelimit.RedisRateLimiter;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running server. {@link #start} opens the port first (so liveness answers during a long load),
 * then loads and warms up the model and only then reports ready. {@link #shutdown} drains.
 */
public final class RuntimeServer {
    private static final Logger LOG = LoggerFactory.getLogger(RuntimeServer.class);
    private static final Duration KEY_RELOAD = Duration.ofSeconds(30);

    private final RuntimeConfig config;
    private final Vertx vertx;
    private final Lifecycle lifecycle = new Lifecycle();
    private final AtomicReference<Endpoints> endpoints = new AtomicReference<>();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final ExecutorService compileExecutor = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "gantry-constraint-compiler");
        thread.setDaemon(true);
        return thread;
    });
    private RuntimeMetrics metrics;
    private HttpServer http;
    private RedisConnector redis;
    private InferenceEngine engine;
    private String modelName;

    private RuntimeServer(RuntimeConfig config) {
        this.config = config;
        this.vertx = Vertx.vertx(new VertxOptions()
                .setWorkerPoolSize(Math.max(4, Runtime.getRuntime().availableProcessors())));
    }

    /** Starts and returns once ready; failures to load leave nothing running. */
    public static RuntimeServer start(RuntimeConfig config) {
        RuntimeServer server = new RuntimeServer(config);
        try {
            server.startAll();
            return server;
        } catch (RuntimeException | Error e) {
            server.close();
            throw e;
        }
    }

    private void startAll() {
        long loadStart = System.nanoTime();
        Path modelDir = ModelLocator.locate(config.modelDir());
        modelName = config.modelName() != null
                ? config.modelName()
                : modelDir.getFileName().toString();
        metrics = new RuntimeMetrics(modelName, config.revision(), version());
        metrics.registerConstraintKinds(config.allowedConstraints());
        redis = config.cacheEnabled() ? new RedisConnector(vertx, config.cacheUrl(), config.cachePassword()) : null;
        http = listen();
        engine = InferenceEngine.load(engineOptions(modelDir));
        ModelInfo info = engine.info();
        metrics.bindScheduler(
                () -> engine.scheduler().runningSequences(),
                () -> engine.scheduler().waitingSequences());
        WarmUp.run(engine);
        ConstraintCompiler constraints = ConstraintEngineSetup.prepare(
                config.allowedConstraints(),
                config.tokenizerDir() != null ? config.tokenizerDir() : modelDir,
                engine,
                metrics);
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        metrics.modelLoaded(loadSeconds);
        ResponseCache cache =
                redis == null ? ResponseCache.NONE : new RedisResponseCache(redis, metrics, config.cacheTtl());
        endpoints.set(EndpointAssembly.build(
                config, engine, modelName, cache, redis != null, metrics, constraints, compileExecutor));
        lifecycle.markReady();
        LOG.info(
                "ready: model '{}' ({} on {}, context {}), port {}, revision {}, loaded and warmed up in {}s",
                modelName,
                info.config().modelType(),
                info.device(),
                info.maxContextLength(),
                port(),
                config.revision(),
                String.format("%.2f", loadSeconds));
    }

    private EngineOptions engineOptions(Path modelDir) {
        return new EngineOptions(
                modelDir,
                config.tokenizerDir(),
                config.device(),
                config.dtype(),
                config.maxContextLength(),
                new SchedulerConfig(
                        config.maxBatchSize(),
                        config.maxConcurrentSequences(),
                        config.maxQueueSize(),
                        config.queueTimeout(),
                        1024),
                nanos -> {
                    if (lifecycle.ready()) { // warm-up masks are not the users'
                        metrics.maskComputed(nanos);
                    }
                });
    }

    private HttpServer listen() {
        AuthHandler auth = config.authEnabled()
                ? new AuthHandler(ApiKeyReloader.start(vertx, config.apiKeysDir(), KEY_RELOAD))
                : null;
        FaultInjector faults =
                config.testProfile() ? new FaultInjector(config.faultErrorRate(), config.faultDelay()) : null;
        if (faults != null && faults.active()) {
            LOG.warn(
                    "TEST PROFILE: injecting faults (error rate {}, delay {})",
                    config.faultErrorRate(),
                    GoDuration.format(config.faultDelay()));
        }
        ApiRouter router = new ApiRouter(
                vertx, lifecycle, metrics, endpoints, auth, rateLimiter(), faults, config.maxRequestBytes());
        HttpServerOptions options = new HttpServerOptions()
                .setHost(config.host())
                .setPort(config.port())
                .setCompressionSupported(false)
                .setIdleTimeout(300); // seconds without a byte either way before an idle connection is closed
        return vertx.createHttpServer(options)
                .requestHandler(router.build())
                .listen()
                .toCompletionStage()
                .toCompletableFuture()
                .join();
    }

    private RateLimiter rateLimiter() {
        if (!config.rateLimited()) {
            return null;
        }
        LocalRateLimiter local = new LocalRateLimiter(config.rateLimitRpm(), config.rateLimitBurst(), System::nanoTime);
        return redis == null
                ? local
                : new RedisRateLimiter(
                        redis, local, config.rateLimitRpm(), config.rateLimitBurst(), config.deployment());
    }

    private static String version() {
        String version = RuntimeServer.class.getPackage().getImplementationVersion();
        return version != null ? version : "dev";
    }

    public int port() {
        return http.actualPort();
    }

    public String modelName() {
        return modelName;
    }

    public Lifecycle lifecycle() {
        return lifecycle;
    }

    public InferenceEngine engine() {
        return engine;
    }

    /**
     * Graceful shutdown: stop reporting ready and refuse new inference, let in-flight requests finish
     * within the grace period, cancel the rest, then close everything.
     */
    public void shutdown() {
        if (stopped.get()) {
            return;
        }
        LOG.info(
                "shutting down: draining {} in-flight requests (grace {})",
                lifecycle.inFlight(),
                GoDuration.format(config.shutdownGrace()));
        try {
            boolean drained = lifecycle.drain(config.shutdownGrace());
            if (!drained) {
                LOG.warn("grace period over with {} requests in flight: cancelling them", lifecycle.inFlight());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        close();
        LOG.info("stopped");
    }

    private void close() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        if (engine != null) {
            engine.close(); // fails whatever is still running, so those responses end now
            awaitQuietly(() -> lifecycle.inFlight() == 0, 2000);
        }
        if (http != null) {
            http.close()
                    .toCompletionStage()
                    .toCompletableFuture()
                    .orTimeout(5, TimeUnit.SECONDS)
                    .exceptionally(e -> null)
                    .join();
        }
        if (redis != null) {
            redis.close();
        }
        compileExecutor.shutdownNow();
        vertx.close()
                .toCompletionStage()
                .toCompletableFuture()
                .orTimeout(5, TimeUnit.SECONDS)
                .exceptionally(e -> null)
                .join();
    }

    private static void awaitQuietly(java.util.function.BooleanSupplier condition, long millis) {
        long deadline = System.currentTimeMillis() + millis;
        while (!condition.getAsBoolean() && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
