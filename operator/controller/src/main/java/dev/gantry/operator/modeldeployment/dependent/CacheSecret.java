package dev.gantry.operator.modeldeployment.dependent;

import dev.gantry.api.v1alpha1.ModelDeployment;
import dev.gantry.operator.cache.CacheBinding;
import dev.gantry.operator.cache.ManagedRedis;
import dev.gantry.operator.cache.RedisPasswords;
import dev.gantry.operator.render.AppliedHash;
import dev.gantry.operator.render.DesiredState;
import dev.gantry.operator.render.Names;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.Matcher.Result;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Optional;

/**
 * The managed Redis password. Generated once; an existing password is never replaced, whatever the rendered
 * state says, so neither a reconcile nor an operator restart can rotate it. Deleting the Secret is how a person
 * rotates it: a new one is generated and the Redis and runtime pods roll.
 */
public final class CacheSecret extends ChildDependent<Secret> {

    public CacheSecret() {
        super(Secret.class);
    }

    @Override
    protected Optional<Secret> select(DesiredState state) {
        return state.cache().map(c -> c.secret());
    }

    @Override
    protected String childName(String md) {
        return Names.cacheAuthSecret(md);
    }

    @Override
    public Result<Secret> match(Secret actual, Secret desired, ModelDeployment md, Context<ModelDeployment> context) {
        var kept = keepExistingPassword(desired, actual);
        return super.match(actual, kept, md, context);
    }

    /** Also reached from a create that found the Secret already there (ChildWriter.create): it keeps its data. */
    @Override
    public Secret update(Secret actual, Secret desired, ModelDeployment md, Context<ModelDeployment> context) {
        return super.update(actual, keepExistingPassword(desired, actual), md, context);
    }

    /** The desired Secret with the actual password (and its ACL) when the actual one has a password. */
    static Secret keepExistingPassword(Secret desired, Secret actual) {
        var password = password(actual);
        if (password.isEmpty() || password.equals(password(desired))) {
            return desired;
        }
        var data = new LinkedHashMap<String, String>();
        data.put(CacheBinding.PASSWORD_KEY, encode(password.get()));
        data.put(ManagedRedis.ACL_KEY, encode(RedisPasswords.aclFile(password.get())));
        return AppliedHash.stamp(new SecretBuilder(desired).withData(data).build());
    }

    /** The password a Secret holds, if any. */
    public static Optional<String> password(Secret secret) {
        if (secret == null || secret.getData() == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(secret.getData().get(CacheBinding.PASSWORD_KEY))
                .map(value -> new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8))
                .filter(value -> !value.isBlank());
    }

    private static String encode(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
