package dev.gantry.runtime.ratelimit;

import dev.gantry.runtime.cache.RedisConnector;
import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

/**
 * Token buckets shared by all replicas through Redis: one Lua script reads, refills and takes from the
 * bucket atomically, on Redis' own clock so replicas' clocks do not matter. When Redis fails, this
 * replica falls back to its local buckets (more permissive, never blocking traffic on a cache outage).
 */
public final class RedisRateLimiter implements RateLimiter {
    private static final String SCRIPT = """
            local capacity = tonumber(ARGV[1])
            local per_ms = tonumber(ARGV[2])
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            local state = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
            local tokens = tonumber(state[1]) or capacity
            local ts = tonumber(state[2]) or now
            tokens = math.min(capacity, tokens + math.max(0, now - ts) * per_ms)
            local allowed = 0
            local wait_ms = 0
            if tokens >= 1 then
              tokens = tokens - 1
              allowed = 1
            else
              wait_ms = math.ceil((1 - tokens) / per_ms)
            end
            redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', tostring(now))
            redis.call('PEXPIRE', KEYS[1], math.ceil(capacity / per_ms) + 1000)
            return {allowed, wait_ms}
            """;

    private final RedisConnector redis;
    private final LocalRateLimiter fallback;
    private final int burst;
    private final double perMillisecond;
    private final String prefix;

    public RedisRateLimiter(RedisConnector redis, LocalRateLimiter fallback, int rpm, int burst, String deployment) {
        this.redis = redis;
        this.fallback = fallback;
        this.burst = burst;
        this.perMillisecond = rpm / 60_000.0;
        this.prefix = "gantry:ratelimit:" + (deployment == null ? "default" : deployment) + ":";
    }

    @Override
    public Future<Decision> acquire(String caller) {
        Request eval = Request.cmd(Command.EVAL)
                .arg(SCRIPT)
                .arg(1)
                .arg(prefix + caller)
                .arg(burst)
                .arg(Double.toString(perMillisecond));
        return redis.send(eval).map(RedisRateLimiter::decision).recover(error -> {
            redis.logFailure("rate limits are enforced per replica until it answers", error);
            return fallback.acquire(caller);
        });
    }

    private static Decision decision(Response response) {
        boolean allowed = response.get(0).toInteger() == 1;
        long waitMs = response.get(1).toLong();
        return new Decision(allowed, allowed ? 0 : (int) Math.max(1, Math.ceil(waitMs / 1000.0)));
    }
}
