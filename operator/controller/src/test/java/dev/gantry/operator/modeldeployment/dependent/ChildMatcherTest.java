package dev.gantry.operator.modeldeployment.dependent;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChildMatcherTest {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    @Test
    void ignoresWhatTheApiServerAndOtherToolsAdd() {
        var desired = deployment("500m", 3);
        var actual = SERIALIZATION.clone(desired);
        actual.getMetadata().setResourceVersion("42");
        actual.getMetadata().setUid("u-1");
        actual.getMetadata().getAnnotations().put("deployment.kubernetes.io/revision", "7");
        actual.getSpec().setProgressDeadlineSeconds(600);
        var container = actual.getSpec().getTemplate().getSpec().getContainers().get(0);
        container.setTerminationMessagePath("/dev/termination-log");
        actual.getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .add(new ContainerBuilder().withName("sidecar").build());

        assertThat(ChildMatcher.matches(desired, actual)).isTrue();
    }

    @Test
    void seesAFieldTheOperatorOwnsChangedByHand() {
        var desired = deployment("500m", 3);
        var actual = SERIALIZATION.clone(desired);
        actual.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("evil:latest");

        assertThat(ChildMatcher.matches(desired, actual)).isFalse();
    }

    @Test
    void comparesQuantitiesByValueAsTheApiServerCanonicalisesThem() {
        assertThat(ChildMatcher.matches(deployment("500m", 3), deployment("0.5", 3)))
                .isTrue();
        assertThat(ChildMatcher.matches(deployment("500m", 3), deployment("600m", 3)))
                .isFalse();
    }

    @Test
    void leavesReplicasAloneWhenTheOperatorDoesNotApplyThem() {
        var desired = deployment("1", 3);
        desired.getSpec().setReplicas(null);

        assertThat(ChildMatcher.matches(desired, deployment("1", 7))).isTrue();
    }

    @Test
    void seesAnAppliedAnnotationRemovedByHand() {
        var desired = deployment("1", 1);
        var actual = SERIALIZATION.clone(desired);
        actual.getMetadata().getAnnotations().remove("gantry.dev/applied-hash");

        assertThat(ChildMatcher.matches(desired, actual)).isFalse();
    }

    private static Deployment deployment(String cpu, int replicas) {
        return new DeploymentBuilder()
                .withNewMetadata()
                .withName("m-abc")
                .withNamespace("ns")
                .withAnnotations(new java.util.HashMap<>(Map.of("gantry.dev/applied-hash", "h1")))
                .endMetadata()
                .withNewSpec()
                .withReplicas(replicas)
                .withNewTemplate()
                .withNewSpec()
                .addNewContainer()
                .withName("runtime")
                .withImage("ghcr.io/gantry-dev/gantry-runtime:0.1.0")
                .withNewResources()
                .addToRequests("cpu", new Quantity(cpu))
                .endResources()
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build();
    }
}
