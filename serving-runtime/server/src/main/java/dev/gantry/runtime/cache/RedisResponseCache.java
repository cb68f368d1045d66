package dev.gantry.runtime.cache;

import dev.gantry.runtime.metrics.RuntimeMetrics;
import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.time.Duration;
import java.util.Optional;

/** The response cache in Redis: {@code GET}, and {@code SET ... PX ttl}; every lookup is counted. */
public final class RedisResponseCache implements ResponseCache {
    private final RedisConnector redis;
    private final RuntimeMetrics metrics;
    private final long ttlMillis;

    public RedisResponseCache(RedisConnector redis, RuntimeMetrics metrics, Duration ttl) {
        this.redis = redis;
        this.metrics = metrics;
        this.ttlMillis = ttl.toMillis();
    }

    @Override
    public Future<Optional<String>> get(String key) {
        return redis.send(Request.cmd(Command.GET).arg(key))
                .map(response -> {
                    metrics.cache(response == null ? "miss" : "hit");
                    return Optional.ofNullable(response).map(Object::toString);
                })
                .recover(error -> {
                    metrics.cache("error");
                    redis.logFailure("serving without the response cache", error);
                    return Future.succeededFuture(Optional.empty());
                });
    }

    @Override
    public void put(String key, String value) {
        redis.send(Request.cmd(Command.SET).arg(key).arg(value).arg("PX").arg(ttlMillis))
                .onFailure(error -> redis.logFailure("a response was not cached", error));
    }
}
