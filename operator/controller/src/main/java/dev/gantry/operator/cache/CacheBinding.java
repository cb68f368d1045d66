package dev.gantry.operator.cache;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.gantry.api.v1alpha1.SecretKeyRef;
import dev.gantry.api.v1alpha1.deployment.CacheMode;
import dev.gantry.api.v1alpha1.deployment.CacheSpec;
import dev.gantry.operator.render.Names;

/**
 * How the runtime reaches the response cache: part of a revision, because changing it changes the pods.
 *
 * @param mode the cache mode
 * @param url Redis URL without credentials; {@code null} when disabled
 * @param password Secret key holding the password; {@code null} when the Redis has none
 * @param ttl lifetime of a cached response; {@code null} when disabled
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CacheBinding(CacheMode mode, String url, SecretKeyRef password, String ttl) {

    public static final int REDIS_PORT = 6379;
    public static final String PASSWORD_KEY = "password";

    public static CacheBinding of(String md, CacheSpec spec) {
        var mode = spec == null || spec.getMode() == null ? CacheMode.Disabled : spec.getMode();
        return switch (mode) {
            case Disabled -> new CacheBinding(CacheMode.Disabled, null, null, null);
            case External ->
                new CacheBinding(
                        mode, spec.getExternal().getUrl(), spec.getExternal().getPasswordSecretRef(), spec.getTtl());
            case Managed -> new CacheBinding(mode, managedUrl(md), managedPassword(md), spec.getTtl());
        };
    }

    /** Namespace-relative, so the revision of a ModelDeployment does not depend on its namespace. */
    public static String managedUrl(String md) {
        return "redis://" + Names.cache(md) + ":" + REDIS_PORT + "/0";
    }

    private static SecretKeyRef managedPassword(String md) {
        var ref = new SecretKeyRef();
        ref.setName(Names.cacheAuthSecret(md));
        ref.setKey(PASSWORD_KEY);
        return ref;
    }

    public boolean enabled() {
        return mode != CacheMode.Disabled;
    }
}
