package dev.gantry.operator.modeldeployment.dependent;

import dev.gantry.api.v1alpha1.ModelDeployment;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Activation condition of the HTTPRoute: Gateway API's CRD must exist, or the informer could not start. Once
 * seen it is assumed to stay; while absent it is looked up again at most once a minute, so installing Gateway
 * API later needs no operator restart.
 */
public final class GatewayApiInstalled implements Condition<HTTPRoute, ModelDeployment> {

    static final String CRD = HasMetadata.getFullResourceName(HTTPRoute.class);
    private static final Duration RECHECK = Duration.ofMinutes(1);
    private static final AtomicReference<Boolean> PRESENT = new AtomicReference<>();
    private static final AtomicLong CHECKED_AT = new AtomicLong();

    @Override
    public boolean isMet(
            DependentResource<HTTPRoute, ModelDeployment> dependent,
            ModelDeployment md,
            Context<ModelDeployment> context) {
        return installed(context.getClient());
    }

    public static boolean installed(KubernetesClient client) {
        var known = PRESENT.get();
        long now = System.nanoTime();
        if (Boolean.TRUE.equals(known) || (known != null && now - CHECKED_AT.get() < RECHECK.toNanos())) {
            return known;
        }
        boolean present =
                client.resources(CustomResourceDefinition.class).withName(CRD).get() != null;
        PRESENT.set(present);
        CHECKED_AT.set(now);
        return present;
    }

    /** Forgets what was seen; for tests that install or remove the CRD. */
    public static void reset() {
        PRESENT.set(null);
    }
}
