package dev.gantry.operator.modeldeployment;

import static dev.gantry.operator.testing.Cluster.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Test;

class OptionalChildrenTest extends ReconcilerTestBase {

    @Test
    void addsAndRemovesTheAutoscalerAndDisruptionBudgetWithTheSpec() {
        cluster.apply(yaml("""
                apiVersion: gantry.dev/v1alpha1
                kind: ModelDeployment
                metadata:
                  name: elastic
                spec:
                  model: {uri: "file:///opt/gantry/models/stories260K", name: stories}
                  autoscaling: {minReplicas: 1, maxReplicas: 4, targetCPUUtilizationPercentage: 60}
                """));
        eventually(() -> {
            assertThat(get(HorizontalPodAutoscaler.class, "elastic")).isNotNull();
            assertThat(get(PodDisruptionBudget.class, "elastic")).isNotNull();
        });

        cluster.editSpec("elastic", md -> {
            md.getSpec().setAutoscaling(null);
            md.getSpec().setReplicas(1);
            return md;
        });

        eventually(() -> {
            assertThat(get(HorizontalPodAutoscaler.class, "elastic")).isNull();
            assertThat(get(PodDisruptionBudget.class, "elastic")).isNull();
            assertThat(cluster.runtimeDeployments("elastic").get(0).getSpec().getReplicas())
                    .isEqualTo(1);
        });
    }

    @Test
    void routesThroughAnIngressAndAnHttpRouteAndRemovesTheIngressWhenDropped() {
        cluster.apply(yaml("""
                apiVersion: gantry.dev/v1alpha1
                kind: ModelDeployment
                metadata:
                  name: exposed
                spec:
                  model: {uri: "file:///opt/gantry/models/stories260K", name: stories}
                  ingress: {className: nginx, host: exposed.example.com, tls: {secretName: exposed-tls}}
                  gateway:
                    parentRefs: [{name: public, namespace: gateways, sectionName: https}]
                    hostnames: [exposed.example.com]
                """));
        eventually(() -> {
            assertThat(get(Ingress.class, "exposed")).isNotNull();
            assertThat(get(HTTPRoute.class, "exposed")).isNotNull();
            assertThat(cluster.md("exposed").getStatus().getUrl()).isEqualTo("https://exposed.example.com");
        });
        var revision = cluster.md("exposed").getStatus().getCurrentRevision();
        assertThat(get(HTTPRoute.class, "exposed").getSpec().getRules().get(0).getBackendRefs())
                .singleElement()
                .satisfies(ref -> {
                    assertThat(ref.getName()).isEqualTo("exposed-" + revision);
                    assertThat(ref.getWeight()).isEqualTo(100);
                });
        assertThat(get(Ingress.class, "exposed")
                        .getSpec()
                        .getRules()
                        .get(0)
                        .getHttp()
                        .getPaths()
                        .get(0)
                        .getBackend()
                        .getService()
                        .getName())
                .isEqualTo("exposed");

        cluster.editSpec("exposed", md -> {
            md.getSpec().setIngress(null);
            return md;
        });

        eventually(() -> {
            assertThat(get(Ingress.class, "exposed")).isNull();
            assertThat(get(HTTPRoute.class, "exposed")).isNotNull();
        });
    }

    @Test
    void removesTheManagedRedisWhenTheCacheIsDisabled() {
        cluster.apply(yaml("""
                apiVersion: gantry.dev/v1alpha1
                kind: ModelDeployment
                metadata:
                  name: cached
                spec:
                  model: {uri: "file:///opt/gantry/models/stories260K", name: stories}
                  cache: {mode: Managed, managed: {maxMemory: 32Mi, persistence: {size: 1Gi}}}
                """));
        eventually(() -> {
            assertThat(cluster.client()
                            .apps()
                            .statefulSets()
                            .inNamespace(cluster.namespace())
                            .withName("cached-cache")
                            .get())
                    .isNotNull();
            assertThat(cluster.md("cached").getStatus().getCache().getReady()).isFalse();
        });

        cluster.editSpec("cached", md -> {
            md.getSpec().getCache().setMode(dev.gantry.api.v1alpha1.deployment.CacheMode.Disabled);
            md.getSpec().getCache().setManaged(null);
            return md;
        });

        eventually(() -> {
            assertThat(cluster.client()
                            .apps()
                            .statefulSets()
                            .inNamespace(cluster.namespace())
                            .withName("cached-cache")
                            .get())
                    .isNull();
            assertThat(cluster.client()
                            .services()
                            .inNamespace(cluster.namespace())
                            .withName("cached-cache")
                            .get())
                    .isNull();
            assertThat(cluster.client()
                            .secrets()
                            .inNamespace(cluster.namespace())
                            .withName("cached-cache-auth")
                            .get())
                    .isNull();
            // The runtime no longer talks to a cache: that is a new revision, without the password.
            var current = cluster.md("cached").getStatus().getCurrentRevision();
            var deployment = cluster.deployment("cached-" + current);
            assertThat(deployment
                            .getSpec()
                            .getTemplate()
                            .getSpec()
                            .getContainers()
                            .get(0)
                            .getEnv())
                    .isEmpty();
        });
    }

    private <T extends io.fabric8.kubernetes.api.model.HasMetadata> T get(Class<T> type, String name) {
        return cluster.client()
                .resources(type)
                .inNamespace(cluster.namespace())
                .withName(name)
                .get();
    }
}
