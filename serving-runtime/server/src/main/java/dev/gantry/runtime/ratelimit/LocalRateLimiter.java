package dev.gantry.runtime.ratelimit;

import io.vertx.core.Future;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/** Token buckets in this process, used when no Redis is configured (and while Redis is unreachable). */
public final class LocalRateLimiter implements RateLimiter {
    private final double capacity;
    private final double tokensPerNano;
    private final LongSupplier clock;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public LocalRateLimiter(int rpm, int burst, LongSupplier nanoClock) {
        this.capacity = burst;
        this.tokensPerNano = rpm / 60e9;
        this.clock = nanoClock;
    }

    @Override
    public Future<Decision> acquire(String caller) {
        return Future.succeededFuture(take(caller));
    }

    public Decision take(String caller) {
        Bucket bucket = buckets.computeIfAbsent(caller, k -> new Bucket(capacity, clock.getAsLong()));
        synchronized (bucket) {
            long now = clock.getAsLong();
            bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.updated) * tokensPerNano);
            bucket.updated = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return new Decision(true, 0);
            }
            double waitNanos = (1 - bucket.tokens) / tokensPerNano;
            return new Decision(false, (int) Math.max(1, Math.ceil(waitNanos / 1e9)));
        }
    }

    private static final class Bucket {
        double tokens;
        long updated;

        Bucket(double tokens, long updated) {
            this.tokens = tokens;
            this.updated = updated;
        }
    }
}
