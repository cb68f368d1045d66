package dev.gantry.operator.modeldeployment;

import static dev.gantry.operator.testing.Cluster.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InvalidSpecTest extends ReconcilerTestBase {

    @Test
    void reportsAnInvalidChangeAndLeavesTheRunningChildrenUntouched() throws InterruptedException {
        cluster.apply(small("steady", 1));
        eventually(() -> assertThat(cluster.runtimeDeployments("steady")).hasSize(1));
        var before = cluster.runtimeDeployments("steady").get(0);

        cluster.editSpec("steady", md -> {
            md.getSpec().getRuntime().setDevice(dev.gantry.api.v1alpha1.deployment.Device.GPU);
            md.getSpec().getRuntime().setImage("ghcr.io/gantry-dev/gantry-runtime:0.1.0");
            return md;
        });

        eventually(() -> {
            var ready = cluster.condition("steady", "Ready").orElseThrow();
            assertThat(ready.getStatus()).isEqualTo("False");
            assertThat(ready.getReason()).isEqualTo("InvalidSpec");
            assertThat(ready.getMessage()).startsWith("spec.runtime.image: ").contains("CPU-only runtime image");
            assertThat(cluster.md("steady").getStatus().getObservedGeneration()).isEqualTo(2L);
            assertThat(cluster.hasEvent("steady", "Warning", "InvalidSpec")).isTrue();
        });
        Thread.sleep(300);
        assertThat(cluster.runtimeDeployments("steady"))
                .singleElement()
                .satisfies(d -> assertThat(d.getMetadata().getResourceVersion())
                        .isEqualTo(before.getMetadata().getResourceVersion()));
    }

    @Test
    void waitsForAMissingSecretAndProceedsOnceItExists() {
        cluster.apply(yaml("""
                apiVersion: gantry.dev/v1alpha1
                kind: ModelDeployment
                metadata:
                  name: keyed
                spec:
                  model: {uri: "file:///opt/gantry/models/stories260K", name: stories}
                  auth:
                    apiKeysSecretRef: {name: keyed-api-keys}
                """));

        eventually(() -> {
            assertThat(cluster.reason("keyed", "Ready")).isEqualTo("SecretNotFound");
            assertThat(cluster.condition("keyed", "Ready").orElseThrow().getMessage())
                    .startsWith("spec.auth.apiKeysSecretRef.name: Secret keyed-api-keys does not exist");
            assertThat(cluster.hasEvent("keyed", "Warning", "SecretNotFound")).isTrue();
        });
        assertThat(cluster.runtimeDeployments("keyed")).isEmpty();

        cluster.client()
                .resource(new SecretBuilder()
                        .withNewMetadata()
                        .withName("keyed-api-keys")
                        .withNamespace(cluster.namespace())
                        .endMetadata()
                        .withStringData(Map.of("team-a", "s3cr3t"))
                        .build())
                .create();

        eventually(() -> {
            assertThat(cluster.runtimeDeployments("keyed")).hasSize(1);
            assertThat(cluster.reason("keyed", "Ready")).isEqualTo("MinimumReplicasUnavailable");
            assertThat(cluster.condition("keyed", "Degraded").orElseThrow().getStatus())
                    .isEqualTo("False");
        });
    }

    @Test
    void reportsAMissingPersistentVolumeClaimAndAMissingSecretKey() {
        cluster.client()
                .resource(new SecretBuilder()
                        .withNewMetadata()
                        .withName("hub")
                        .withNamespace(cluster.namespace())
                        .endMetadata()
                        .withStringData(Map.of("other", "x"))
                        .build())
                .create();
        cluster.apply(yaml("""
                apiVersion: gantry.dev/v1alpha1
                kind: ModelDeployment
                metadata:
                  name: refs
                spec:
                  model:
                    uri: hf://org/model
                    name: m
                    credentialsSecretRef: {name: hub, key: token}
                    tokenizerUri: pvc://tokenizers/m
                """));

        eventually(() -> assertThat(
                        cluster.condition("refs", "Ready").orElseThrow().getMessage())
                .contains("spec.model.tokenizerUri: PersistentVolumeClaim tokenizers does not exist")
                .contains("spec.model.credentialsSecretRef.key: Secret hub has no key token"));
        assertThat(cluster.reason("refs", "Ready")).isEqualTo("PersistentVolumeClaimNotFound");

        cluster.client()
                .resource(new PersistentVolumeClaimBuilder()
                        .withNewMetadata()
                        .withName("tokenizers")
                        .withNamespace(cluster.namespace())
                        .endMetadata()
                        .build())
                .create();
        eventually(() -> assertThat(cluster.reason("refs", "Ready")).isEqualTo("SecretNotFound"));
    }

    @Test
    void refusesToTakeOverAnObjectItDoesNotOwn() {
        var theirs = cluster.client()
                .resource(new ServiceBuilder()
                        .withNewMetadata()
                        .withName("taken")
                        .withNamespace(cluster.namespace())
                        .addToLabels("owner", "someone-else")
                        .endMetadata()
                        .withNewSpec()
                        .addToSelector("app", "theirs")
                        .addNewPort()
                        .withPort(9090)
                        .endPort()
                        .endSpec()
                        .build())
                .create();

        cluster.apply(small("taken", 1));

        eventually(() -> {
            assertThat(cluster.reason("taken", "Ready")).isEqualTo("ResourceConflict");
            assertThat(cluster.condition("taken", "Ready").orElseThrow().getMessage())
                    .contains("Service taken already exists and is not owned by ModelDeployment taken");
            assertThat(cluster.hasEvent("taken", "Warning", "ResourceConflict")).isTrue();
        });
        var after = cluster.client()
                .services()
                .inNamespace(cluster.namespace())
                .withName("taken")
                .get();
        assertThat(after.getMetadata().getResourceVersion())
                .isEqualTo(theirs.getMetadata().getResourceVersion());
        assertThat(after.getSpec().getSelector()).containsExactlyEntriesOf(Map.of("app", "theirs"));
    }
}
