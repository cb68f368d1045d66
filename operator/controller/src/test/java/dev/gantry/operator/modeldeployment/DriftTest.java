package dev.gantry.operator.modeldeployment;

import static dev.gantry.operator.testing.Cluster.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.operator.modeldeployment.dependent.ChildWriter;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DriftTest extends ReconcilerTestBase {

    @Test
    void recreatesAChildDeletedByHand() {
        cluster.apply(small("drift", 1));
        eventually(() -> assertThat(service("drift")).isNotNull());

        cluster.client()
                .services()
                .inNamespace(cluster.namespace())
                .withName("drift")
                .delete();

        eventually(() -> assertThat(service("drift")).isNotNull());
    }

    @Test
    void restoresAFieldEditedByHandAndKeepsWhatOtherToolsAdded() {
        cluster.apply(small("edited", 1));
        eventually(() -> assertThat(cluster.runtimeDeployments("edited")).hasSize(1));
        var name = cluster.runtimeDeployments("edited").get(0).getMetadata().getName();

        cluster.client()
                .apps()
                .deployments()
                .inNamespace(cluster.namespace())
                .withName(name)
                .edit(d -> {
                    d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("evil/image:latest");
                    d.getMetadata().getAnnotations().put("example.com/audited-by", "another-tool");
                    return d;
                });

        eventually(() -> {
            var restored = cluster.deployment(name);
            assertThat(restored.getSpec()
                            .getTemplate()
                            .getSpec()
                            .getContainers()
                            .get(0)
                            .getImage())
                    .isEqualTo("ghcr.io/gantry-dev/gantry-runtime:0.1.0");
            assertThat(restored.getMetadata().getAnnotations()).containsEntry("example.com/audited-by", "another-tool");
        });
    }

    @Test
    void removesWhatTheSpecNoLongerAsksForButKeepsOtherToolsAnnotations() {
        var md = small("notes", 1);
        md.getSpec().getService().setAnnotations(new java.util.HashMap<>(java.util.Map.of("team", "search")));
        cluster.apply(md);
        eventually(() ->
                assertThat(service("notes").getMetadata().getAnnotations()).containsEntry("team", "search"));
        cluster.client()
                .services()
                .inNamespace(cluster.namespace())
                .withName("notes")
                .edit(s -> {
                    s.getMetadata().getAnnotations().put("cloud.example.com/lb-id", "lb-42");
                    return s;
                });

        cluster.editSpec("notes", m -> {
            m.getSpec().getService().setAnnotations(null);
            return m;
        });

        eventually(() -> assertThat(service("notes").getMetadata().getAnnotations())
                .doesNotContainKey("team")
                .containsEntry("cloud.example.com/lb-id", "lb-42"));
    }

    @Test
    void leavesReplicasToTheAutoscalerOnceItOwnsThem() throws InterruptedException {
        cluster.apply(yaml("""
                apiVersion: gantry.dev/v1alpha1
                kind: ModelDeployment
                metadata:
                  name: scaled
                spec:
                  model: {uri: "file:///opt/gantry/models/stories260K", name: stories}
                  autoscaling: {minReplicas: 2, maxReplicas: 6, targetCPUUtilizationPercentage: 70}
                """));
        eventually(() -> assertThat(cluster.runtimeDeployments("scaled")).hasSize(1));
        var name = cluster.runtimeDeployments("scaled").get(0).getMetadata().getName();
        assertThat(cluster.deployment(name).getSpec().getReplicas())
                .as("a new Deployment starts at the autoscaler's floor")
                .isEqualTo(2);
        var hpa = cluster.client()
                .resources(HorizontalPodAutoscaler.class)
                .inNamespace(cluster.namespace())
                .withName("scaled")
                .get();
        assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo(name);
        eventually(() -> assertThat(api.dispatcher().applies())
                .anyMatch(a -> a.fieldManager().equals(ChildWriter.HANDOVER_MANAGER)
                        && a.path().endsWith("/" + name)));

        // The HPA scales the Deployment (an update through the scale subresource in a cluster).
        cluster.client()
                .apps()
                .deployments()
                .inNamespace(cluster.namespace())
                .withName(name)
                .edit(d -> {
                    d.getSpec().setReplicas(5);
                    return d;
                });
        cluster.reportReady(name, 5);
        eventually(() -> assertThat(cluster.md("scaled").getStatus().getReady()).isEqualTo("5/5"));
        Thread.sleep(Duration.ofMillis(500).toMillis());

        assertThat(cluster.deployment(name).getSpec().getReplicas()).isEqualTo(5);
        assertThat(api.dispatcher().applies().stream()
                        .filter(a -> a.path().endsWith("/" + name)
                                && a.fieldManager().equals(ChildWriter.FIELD_MANAGER)
                                && a.body().path("spec").has("replicas"))
                        .count())
                .as("the operator applied spec.replicas only when it created the Deployment")
                .isEqualTo(1);
    }

    private io.fabric8.kubernetes.api.model.Service service(String name) {
        return cluster.client()
                .services()
                .inNamespace(cluster.namespace())
                .withName(name)
                .get();
    }
}
