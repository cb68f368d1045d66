package dev.gantry.operator.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.operator.testing.Fixtures;
import dev.gantry.operator.traffic.TrafficSplit;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The objects a ModelRollout's split turns into: the same rendering code, with two live revisions. */
class SplitRenderingTest {

    private static final OperatorDefaults DEFAULTS = OperatorDefaults.standard();

    @Test
    void rendersBothRevisionsAndWeightedRouterObjects() {
        var md = Fixtures.example("canary-gateway", "models");
        var candidate = ModelDeploymentRenderer.currentRevision(md, DEFAULTS);
        var old = Fixtures.example("canary-gateway", "models");
        old.getSpec().getModel().setUri("pvc://models/qwen2.5-7b-instruct-old");
        var oldSpec = RevisionSpec.of("assistant", old.getSpec(), DEFAULTS);
        var stable = Revisions.hash(oldSpec);
        var split = new TrafficSplit(
                stable,
                candidate,
                25,
                null,
                2,
                Map.of(),
                dev.gantry.api.v1alpha1.rollout.TrafficRouter.GatewayAPI,
                "assistant");

        var state = ModelDeploymentRenderer.render(
                md, new RenderContext(DEFAULTS, split, Map.of(stable, oldSpec), RenderContext.OFFLINE_PASSWORD, null));

        assertThat(state.runtimeDeployments()).containsOnlyKeys(stable, candidate);
        assertThat(state.runtimeDeployments().get(stable).getSpec().getReplicas())
                .as("the stable revision's count is the autoscaler's")
                .isNull();
        assertThat(state.runtimeDeployments().get(candidate).getSpec().getReplicas())
                .isEqualTo(2);
        assertThat(state.runtimeConfigs().get(stable).getData()).containsEntry("GANTRY_MODEL_DIR", "/models");
        assertThat(state.runtimeDeployments()
                        .get(stable)
                        .getSpec()
                        .getTemplate()
                        .getSpec()
                        .getVolumes())
                .filteredOn(v -> v.getPersistentVolumeClaim() != null)
                .singleElement()
                .satisfies(v ->
                        assertThat(v.getPersistentVolumeClaim().getClaimName()).isEqualTo("models"));
        var backends =
                state.httpRoute().orElseThrow().getSpec().getRules().get(0).getBackendRefs();
        assertThat(backends)
                .extracting(b -> b.getName() + "=" + b.getWeight())
                .containsExactly("assistant-" + stable + "=75", "assistant-" + candidate + "=25");
        assertThat(state.autoscaler()
                        .orElseThrow()
                        .getSpec()
                        .getScaleTargetRef()
                        .getName())
                .isEqualTo("assistant-" + stable);
        assertThat(state.stableService().getSpec().getSelector()).containsEntry(Labels.REVISION, stable);
    }

    @Test
    void rendersTheNginxCanaryIngressWithTheCandidateWeight() {
        var md = Fixtures.example("canary-nginx", "models");
        var candidate = ModelDeploymentRenderer.currentRevision(md, DEFAULTS);
        var old = Fixtures.example("canary-nginx", "models");
        old.getSpec().getRuntime().setImage("ghcr.io/gantry-dev/gantry-runtime:0.0.9-cuda");
        var oldSpec = RevisionSpec.of("chat", old.getSpec(), DEFAULTS);
        var stable = Revisions.hash(oldSpec);
        var split = new TrafficSplit(
                stable,
                candidate,
                10,
                2,
                1,
                Map.of(),
                dev.gantry.api.v1alpha1.rollout.TrafficRouter.IngressNginx,
                "chat");

        var state = ModelDeploymentRenderer.render(
                md, new RenderContext(DEFAULTS, split, Map.of(stable, oldSpec), RenderContext.OFFLINE_PASSWORD, null));

        var canary = state.canaryIngress().orElseThrow();
        assertThat(canary.getMetadata().getName()).isEqualTo("chat-canary");
        assertThat(canary.getMetadata().getAnnotations())
                .containsEntry("nginx.ingress.kubernetes.io/canary", "true")
                .containsEntry("nginx.ingress.kubernetes.io/canary-weight", "10");
        assertThat(canary.getSpec()
                        .getRules()
                        .get(0)
                        .getHttp()
                        .getPaths()
                        .get(0)
                        .getBackend()
                        .getService()
                        .getName())
                .isEqualTo("chat-" + candidate);
        assertThat(state.ingress()
                        .orElseThrow()
                        .getSpec()
                        .getRules()
                        .get(0)
                        .getHttp()
                        .getPaths()
                        .get(0)
                        .getBackend()
                        .getService()
                        .getName())
                .isEqualTo("chat");
        assertThat(state.runtimeDeployments()
                        .get(stable)
                        .getSpec()
                        .getTemplate()
                        .getSpec()
                        .getContainers()
                        .get(0)
                        .getImage())
                .isEqualTo("ghcr.io/gantry-dev/gantry-runtime:0.0.9-cuda");
    }

    @Test
    void pausesTheAutoscalerOnlyWhileTheOperatorMovesPodsBetweenRevisions() {
        var md = Fixtures.example("gpu-llama", "models");
        var current = ModelDeploymentRenderer.currentRevision(md, DEFAULTS);
        var old = Fixtures.example("gpu-llama", "models");
        old.getSpec().getModel().setMaxContextLength(4096);
        var oldSpec = RevisionSpec.of("llama", old.getSpec(), DEFAULTS);
        var stable = Revisions.hash(oldSpec);
        var replacing = new TrafficSplit(
                stable, current, 40, 3, 2, Map.of(), dev.gantry.api.v1alpha1.rollout.TrafficRouter.ReplicaRatio, null);

        var state = ModelDeploymentRenderer.render(
                md, new RenderContext(DEFAULTS, replacing, Map.of(stable, oldSpec), RenderContext.OFFLINE_PASSWORD, 5));

        var behavior = state.autoscaler().orElseThrow().getSpec().getBehavior();
        assertThat(behavior.getScaleUp().getSelectPolicy()).isEqualTo("Disabled");
        assertThat(behavior.getScaleDown().getSelectPolicy()).isEqualTo("Disabled");
        assertThat(state.runtimeDeployments().get(current).getMetadata().getAnnotations())
                .containsEntry(RevisionObjects.REPLACEMENT_REPLICAS_ANNOTATION, "5");
        assertThat(state.stableService().getSpec().getSelector()).doesNotContainKey(Labels.REVISION);

        var steady = ModelDeploymentRenderer.render(md, RenderContext.offline(DEFAULTS, current));
        assertThat(steady.autoscaler().orElseThrow().getSpec().getBehavior().getScaleUp())
                .isNull();
    }
}
