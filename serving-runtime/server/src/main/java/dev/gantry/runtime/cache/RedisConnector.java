package dev.gantry.runtime.cache;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runtime's one Redis client (Vert.x Redis, non-blocking on the event loop, pooled), shared by the
 * response cache and the rate limiter. Every command has a deadline, so an unreachable or hung Redis
 * costs a request at most that long; failures are logged at most once per 30 seconds.
 */
public final class RedisConnector implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RedisConnector.class);
    private static final long COMMAND_TIMEOUT_MS = 500;
    private static final long LOG_INTERVAL_MS = 30_000;

    private final Vertx vertx;
    private final Redis redis;
    private final String endpoint;
    private final AtomicLong lastFailureLog = new AtomicLong();

    public RedisConnector(Vertx vertx, String url, String password) {
        this.vertx = vertx;
        RedisOptions options = new RedisOptions()
                .setConnectionString(url)
                .setMaxPoolSize(16)
                .setMaxPoolWaiting(256)
                .setNetClientOptions(new NetClientOptions()
                        .setConnectTimeout((int) COMMAND_TIMEOUT_MS)
                        .setTcpNoDelay(true));
        if (password != null) {
            options.setPassword(password);
        }
        this.redis = Redis.createClient(vertx, options);
        this.endpoint = withoutCredentials(url);
    }

    /** The URL without user information, for logs. */
    static String withoutCredentials(String url) {
        return url.replaceFirst("//[^@/]*@", "//");
    }

    public Future<Response> send(Request request) {
        Promise<Response> promise = Promise.promise();
        long timer = vertx.setTimer(
                COMMAND_TIMEOUT_MS,
                id -> promise.tryFail(
                        new TimeoutException("Redis did not answer within " + COMMAND_TIMEOUT_MS + " ms")));
        redis.send(request).onComplete(result -> {
            vertx.cancelTimer(timer);
            if (result.succeeded()) {
                promise.tryComplete(result.result());
            } else {
                promise.tryFail(result.cause());
            }
        });
        return promise.future();
    }

    /** Logs a Redis failure, rate-limited; {@code what} says what is degraded. */
    public void logFailure(String what, Throwable cause) {
        long now = System.currentTimeMillis();
        long last = lastFailureLog.get();
        if (now - last >= LOG_INTERVAL_MS && lastFailureLog.compareAndSet(last, now)) {
            LOG.warn(
                    "Redis at {} failed ({}): {}; {} (repeats are not logged for 30s)",
                    endpoint,
                    cause.getClass().getSimpleName(),
                    cause.getMessage(),
                    what);
        }
    }

    @Override
    public void close() {
        redis.close();
    }
}
