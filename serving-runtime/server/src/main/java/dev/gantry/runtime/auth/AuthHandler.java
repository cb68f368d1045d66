package dev.gantry.runtime.auth;

import dev.gantry.runtime.http.ApiException;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Checks the API key of an inference request: {@code Authorization: Bearer <key>} or
 * {@code X-API-Key: <key>}. No key is 401; a key that matches none is 403. The caller's identity (a
 * hash prefix) is left in the context for rate limiting.
 */
public final class AuthHandler implements Handler<RoutingContext> {
    public static final String IDENTITY = "gantry.identity";

    private final AtomicReference<ApiKeys> keys;

    public AuthHandler(AtomicReference<ApiKeys> keys) {
        this.keys = keys;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String presented = presentedKey(ctx);
        if (presented == null) {
            ctx.fail(ApiException.unauthorized(
                    "Missing API key: send it as 'Authorization: Bearer <key>' or in the 'X-API-Key' header"));
            return;
        }
        keys.get()
                .identify(presented)
                .ifPresentOrElse(
                        identity -> {
                            ctx.put(IDENTITY, "key:" + identity);
                            ctx.next();
                        },
                        () -> ctx.fail(ApiException.forbidden("The API key is not valid for this server")));
    }

    static String presentedKey(RoutingContext ctx) {
        String authorization = ctx.request().getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String key = authorization.substring(7).trim();
            return key.isEmpty() ? null : key;
        }
        String header = ctx.request().getHeader("X-API-Key");
        return header == null || header.isBlank() ? null : header.trim();
    }
}
