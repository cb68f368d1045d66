package dev.gantry.runtime.auth;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the API keys at start (failing the start when they cannot be read) and reloads them
 * periodically, so that a rotated Secret takes effect without a restart. A failed reload keeps the
 * previous keys.
 */
public final class ApiKeyReloader {
    private static final Logger LOG = LoggerFactory.getLogger(ApiKeyReloader.class);

    private ApiKeyReloader() {}

    public static AtomicReference<ApiKeys> start(Vertx vertx, Path directory, Duration interval) {
        ApiKeys keys;
        try {
            keys = ApiKeys.load(directory);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot read API keys from " + directory + ": " + e.getMessage(), e);
        }
        if (keys.size() == 0) {
            LOG.warn("GANTRY_API_KEYS_DIR {} holds no keys: every API request will be refused", directory);
        }
        AtomicReference<ApiKeys> current = new AtomicReference<>(keys);
        vertx.setPeriodic(
                interval.toMillis(),
                id -> vertx.<ApiKeys>executeBlocking(() -> ApiKeys.load(directory))
                        .onSuccess(reloaded -> {
                            if (reloaded.size() != current.get().size()) {
                                LOG.info("API keys reloaded: {} keys", reloaded.size());
                            }
                            current.set(reloaded);
                        })
                        .onFailure(e ->
                                LOG.warn("cannot reload API keys, keeping the previous ones: {}", e.getMessage())));
        return current;
    }
}
