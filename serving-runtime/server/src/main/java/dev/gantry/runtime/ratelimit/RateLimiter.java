package dev.gantry.runtime.ratelimit;

import io.vertx.core.Future;

/** Per-caller token buckets: {@code rpm} sustained requests per minute, bursts up to {@code burst}. */
public interface RateLimiter {

    /** Takes one token for {@code caller}; the decision says whether it was there and, if not, when it will be. */
    Future<Decision> acquire(String caller);

    /** Whether the request may go ahead, and otherwise how many seconds to wait. */
    record Decision(boolean allowed, int retryAfterSeconds) {}
}
