package dev.gantry.operator.modeldeployment;

import static dev.gantry.operator.testing.Cluster.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.operator.testing.Fixtures;
import dev.gantry.operator.testing.OperatorHarness;
import io.fabric8.kubernetes.api.model.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class CachePasswordTest extends ReconcilerTestBase {

    @Test
    void generatesTheRedisPasswordOnceAndNeverRotatesItAcrossReconcilesAndRestarts() {
        cluster.apply(Fixtures.example("cpu-tiny", cluster.namespace()));
        eventually(() -> assertThat(secret()).isNotNull());
        var password = password(secret());
        assertThat(password).matches("[0-9a-f]{64}");
        assertThat(decoded(secret(), "users.acl"))
                .startsWith("user default on #")
                .doesNotContain(password);

        // Changes that re-render the Redis and the runtime.
        cluster.editSpec("tiny", md -> {
            md.getSpec().getCache().getManaged().setMaxMemory("128Mi");
            md.getSpec().getCache().setTtl("2h");
            return md;
        });
        eventually(() -> assertThat(cluster.client()
                        .configMaps()
                        .inNamespace(cluster.namespace())
                        .withName("tiny-cache-config")
                        .get()
                        .getData()
                        .get("redis.conf"))
                .contains("maxmemory 134217728"));
        assertThat(password(secret())).isEqualTo(password);

        operator.close();
        operator = OperatorHarness.start(api.client(), clock);
        cluster.editSpec("tiny", md -> {
            md.getSpec().setReplicas(2);
            return md;
        });
        eventually(() -> assertThat(cluster.md("tiny").getStatus().getObservedGeneration())
                .isEqualTo(3L));
        assertThat(password(secret())).isEqualTo(password);

        // Even a stale render cannot overwrite it: the data on the server wins.
        cluster.client()
                .secrets()
                .inNamespace(cluster.namespace())
                .withName("tiny-cache-auth")
                .edit(s -> {
                    s.getMetadata().getLabels().put("app.kubernetes.io/component", "tampered");
                    return s;
                });
        eventually(() ->
                assertThat(secret().getMetadata().getLabels()).containsEntry("app.kubernetes.io/component", "cache"));
        assertThat(password(secret())).isEqualTo(password);
    }

    @Test
    void rollsTheRuntimeAndRedisWhenTheSecretIsDeletedToRotateThePassword() {
        cluster.apply(Fixtures.example("cpu-tiny", cluster.namespace()));
        eventually(() -> assertThat(secret()).isNotNull());
        var password = password(secret());
        eventually(() -> assertThat(cluster.runtimeDeployments("tiny")).hasSize(1));
        var checksum = checksum();

        cluster.client()
                .secrets()
                .inNamespace(cluster.namespace())
                .withName("tiny-cache-auth")
                .delete();

        eventually(() -> {
            assertThat(secret()).isNotNull();
            assertThat(password(secret())).isNotEqualTo(password);
            assertThat(checksum()).isNotEqualTo(checksum);
        });
    }

    private String checksum() {
        return cluster.runtimeDeployments("tiny")
                .get(0)
                .getSpec()
                .getTemplate()
                .getMetadata()
                .getAnnotations()
                .get("gantry.dev/config-checksum");
    }

    private Secret secret() {
        return cluster.client()
                .secrets()
                .inNamespace(cluster.namespace())
                .withName("tiny-cache-auth")
                .get();
    }

    private static String password(Secret secret) {
        return decoded(secret, "password");
    }

    private static String decoded(Secret secret, String key) {
        return new String(Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
    }
}
