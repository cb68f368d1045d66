package dev.gantry.runtime.cache;

import io.vertx.core.Future;
import java.util.Optional;

/** Stored responses of deterministic requests. Failures are absorbed: a broken cache is a missing cache. */
public interface ResponseCache {

    /** The cached value, empty on a miss or when the cache failed (counted as an error). */
    Future<Optional<String>> get(String key);

    /** Stores a value; failures are logged and counted, never reported to the caller. */
    void put(String key, String value);

    /** A cache that never holds anything, when none is configured. */
    ResponseCache NONE = new ResponseCache() {
        @Override
        public Future<Optional<String>> get(String key) {
            return Future.succeededFuture(Optional.empty());
        }

        @Override
        public void put(String key, String value) {}
    };
}
