package dev.gantry.operator.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.api.v1alpha1.ModelDeployment;
import dev.gantry.operator.testing.Fixtures;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class RevisionsTest {

    private static final OperatorDefaults DEFAULTS = OperatorDefaults.standard();

    @Test
    void theSameSpecAlwaysGivesTheSameTenCharacterRevision() {
        var revision = revision(md -> {});

        assertThat(revision).matches("[0-9a-f]{10}").isEqualTo(revision(md -> {}));
    }

    @Test
    void changesThatDoNotTouchThePodsKeepTheRevision() {
        var before = revision(md -> {});

        assertThat(revision(md -> md.getMetadata().setLabels(Map.of("team", "x"))))
                .isEqualTo(before);
        assertThat(revision(md -> md.getSpec().setAutoscaling(null))).isEqualTo(before);
        assertThat(revision(md -> md.getSpec().getAutoscaling().setMaxReplicas(20)))
                .isEqualTo(before);
        assertThat(revision(md -> md.getSpec().getService().setPort(9000))).isEqualTo(before);
        assertThat(revision(md -> md.getSpec().getIngress().setHost("other.example.com")))
                .isEqualTo(before);
        assertThat(revision(md -> md.getSpec().setUpdateStrategy(null))).isEqualTo(before);
        assertThat(revision(md -> md.getSpec().getCache().getManaged().setMaxMemory("8Gi")))
                .isEqualTo(before);
        assertThat(revision(md -> md.getMetadata().setNamespace("elsewhere"))).isEqualTo(before);
    }

    @Test
    void changesThatTouchThePodsGiveANewRevision() {
        var before = revision(md -> {});

        assertThat(List.of(
                        revision(md -> md.getSpec().getModel().setUri("hf://meta-llama/Llama-3.2-1B")),
                        revision(md -> md.getSpec().getModel().setMaxContextLength(4096)),
                        revision(md -> md.getSpec().getRuntime().setImage("registry/x:1")),
                        revision(md -> md.getSpec().getRuntime().setArgs(List.of("--x"))),
                        revision(md -> md.getSpec().getRuntime().setEnv(List.of(new EnvVar("A", "1", null)))),
                        revision(md -> md.getSpec()
                                .getRuntime()
                                .getResources()
                                .getLimits()
                                .put("memory", new Quantity("64Gi"))),
                        revision(md -> md.getSpec().getRuntime().getBatching().setMaxBatchSize(16)),
                        revision(md -> md.getSpec().getRuntime().setNodeSelector(Map.of("a", "b"))),
                        revision(md -> md.getSpec().getCache().setTtl("1h")),
                        revision(md -> md.getSpec().setAuth(null))))
                .doesNotContain(before)
                .doesNotHaveDuplicates();
    }

    @Test
    void anotherDefaultRuntimeImageIsANewRevision() {
        var md = Fixtures.example("gpu-llama", "models");
        var other = new OperatorDefaults(
                DEFAULTS.runtimeImage(),
                "ghcr.io/gantry-dev/gantry-runtime:0.2.0-cuda",
                "json",
                java.util.Optional.empty());

        assertThat(ModelDeploymentRenderer.currentRevision(md, other))
                .isNotEqualTo(ModelDeploymentRenderer.currentRevision(md, DEFAULTS));
    }

    @Test
    void aSnapshotReadsBackOnlyWhenItHashesToItsRevision() {
        var md = Fixtures.example("gpu-llama", "models");
        var spec = RevisionSpec.of("llama", md.getSpec(), DEFAULTS);
        var revision = Revisions.hash(spec);
        var json = Revisions.canonicalJson(spec);

        assertThat(Revisions.fromSnapshot(json, revision))
                .get()
                .satisfies(read -> assertThat(Revisions.hash(read)).isEqualTo(revision));
        assertThat(Revisions.fromSnapshot(json.replace("8192", "8193"), revision))
                .isEmpty();
        assertThat(Revisions.fromSnapshot("not json", revision)).isEmpty();
    }

    private static String revision(Consumer<ModelDeployment> change) {
        var md = Fixtures.example("gpu-llama", "models");
        change.accept(md);
        return ModelDeploymentRenderer.currentRevision(md, DEFAULTS);
    }
}
