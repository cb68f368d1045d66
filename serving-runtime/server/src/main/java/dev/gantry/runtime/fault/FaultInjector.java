package dev.gantry.runtime.fault;

import dev.gantry.runtime.http.ApiException;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Delays inference requests by {@code GANTRY_FAULT_DELAY} and answers a share
 * {@code GANTRY_FAULT_ERROR_RATE} of them with 500. Only installed with {@code GANTRY_PROFILE=test}
 * (the configuration refuses these settings otherwise): it exists so that end-to-end tests can make a
 * candidate revision look broken or slow.
 */
public final class FaultInjector implements Handler<RoutingContext> {
    private final double errorRate;
    private final long delayMillis;

    public FaultInjector(double errorRate, Duration delay) {
        this.errorRate = errorRate;
        this.delayMillis = delay.toMillis();
    }

    public boolean active() {
        return errorRate > 0 || delayMillis > 0;
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (delayMillis > 0) {
            ctx.request().pause(); // the body handler resumes it
            ctx.vertx().setTimer(delayMillis, id -> decide(ctx));
        } else {
            decide(ctx);
        }
    }

    private void decide(RoutingContext ctx) {
        if (errorRate > 0 && ThreadLocalRandom.current().nextDouble() < errorRate) {
            ctx.fail(ApiException.internal("Injected fault (GANTRY_FAULT_ERROR_RATE, test profile)"));
        } else {
            ctx.next();
        }
    }
}
