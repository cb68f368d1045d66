package dev.gantry.runtime.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.runtime.ratelimit.LocalRateLimiter;
import dev.gantry.runtime.ratelimit.RateLimiter;
import dev.gantry.runtime.ratelimit.RedisRateLimiter;
import dev.gantry.runtime.support.RedisProcess;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two replicas' rate limiters share one bucket per key through a real Redis, and fall back to local buckets without it. */
class SharedRateLimitTest {
    private static RedisProcess redis;
    private static Vertx vertx;

    @BeforeAll
    static void start() {
        redis = RedisProcess.start();
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() {
        vertx.close();
        redis.close();
    }

    private static RateLimiter replica(String url) {
        RedisConnector connector = new RedisConnector(vertx, url, null);
        return new RedisRateLimiter(connector, new LocalRateLimiter(6, 4, System::nanoTime), 6, 4, "shared-test");
    }

    private static boolean allowed(RateLimiter limiter, String caller) throws Exception {
        return limiter.acquire(caller)
                .toCompletionStage()
                .toCompletableFuture()
                .get(5, TimeUnit.SECONDS)
                .allowed();
    }

    @Test
    void replicasDrawFromTheSameBucket() throws Exception {
        RateLimiter first = replica(redis.url());
        RateLimiter second = replica(redis.url());
        List<Boolean> decisions = new ArrayList<>();

        for (int i = 0; i < 3; i++) {
            decisions.add(allowed(first, "key:abc"));
            decisions.add(allowed(second, "key:abc"));
        }

        assertThat(decisions).containsExactly(true, true, true, true, false, false);
        assertThat(allowed(second, "key:other")).isTrue();
    }

    @Test
    void withoutRedisEachReplicaEnforcesItsOwnBucket() throws Exception {
        RateLimiter orphan = replica("redis://127.0.0.1:" + RedisProcess.freePort());
        int allowed = 0;

        for (int i = 0; i < 6; i++) {
            allowed += allowed(orphan, "key:xyz") ? 1 : 0;
        }

        assertThat(allowed).isEqualTo(4);
    }
}
