package dev.gantry.operator.modeldeployment.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.api.v1alpha1.ModelDeployment;
import dev.gantry.api.v1alpha1.deployment.Device;
import dev.gantry.operator.render.OperatorDefaults;
import dev.gantry.operator.testing.Fixtures;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class SpecValidatorTest {

    private static final OperatorDefaults DEFAULTS = OperatorDefaults.standard();

    @Test
    void acceptsEveryExample() {
        for (var example : List.of("cpu-tiny", "gpu-llama", "canary-gateway", "canary-nginx", "bluegreen")) {
            assertThat(SpecValidator.validate(Fixtures.example(example, "models"), DEFAULTS))
                    .as(example)
                    .isEmpty();
        }
    }

    @Test
    void refusesTheCpuOnlyImageOnAGpu() {
        assertThat(problems(md -> {
                    md.getSpec().getRuntime().setDevice(Device.GPU);
                    md.getSpec().getRuntime().setImage(DEFAULTS.runtimeImage());
                }))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.field()).isEqualTo("spec.runtime.image");
                    assertThat(p.message()).contains("CPU-only runtime image");
                });
    }

    @Test
    void refusesGpusRequestedOnACpuDevice() {
        assertThat(problems(md -> md.getSpec()
                        .getRuntime()
                        .setResources(new ResourceRequirementsBuilder()
                                .addToLimits("nvidia.com/gpu", new Quantity("1"))
                                .build())))
                .extracting(SpecProblem::field)
                .containsExactly("spec.runtime.resources");
    }

    @Test
    void refusesNamesTooLongOrNotStartingWithALetter() {
        assertThat(problems(md -> md.getMetadata().setName("a".repeat(53))))
                .extracting(SpecProblem::field)
                .containsExactly("metadata.name");
        assertThat(problems(md -> md.getMetadata().setName("7b-model")))
                .extracting(SpecProblem::field)
                .containsExactly("metadata.name");
        assertThat(problems(md -> md.getMetadata().setName("a".repeat(52)))).isEmpty();
    }

    @Test
    void refusesAnHttpsModelThatIsNotAnArchiveAndAnUnknownTokenizerScheme() {
        assertThat(problems(md -> md.getSpec().getModel().setUri("https://example.com/model/config.json")))
                .extracting(SpecProblem::field)
                .containsExactly("spec.model.uri");
        assertThat(problems(md -> md.getSpec().getModel().setTokenizerUri("s3://bucket/tokenizer")))
                .extracting(SpecProblem::field)
                .containsExactly("spec.model.tokenizerUri");
    }

    @Test
    void refusesTorchScriptOnTheBundledRuntimeButNotOnACustomOne() {
        assertThat(problems(md ->
                        md.getSpec().getModel().setFormat(dev.gantry.api.v1alpha1.deployment.ModelFormat.TorchScript)))
                .extracting(SpecProblem::field)
                .containsExactly("spec.model.format");
        assertThat(problems(md -> {
                    md.getSpec().getModel().setFormat(dev.gantry.api.v1alpha1.deployment.ModelFormat.TorchScript);
                    md.getSpec().getRuntime().setImage("registry.example.com/runtime-with-torchscript:1");
                }))
                .isEmpty();
    }

    @Test
    void refusesIngressAndGatewaySettingsThatConflict() {
        var conflicts = problems(md -> {
            var ingress = new dev.gantry.api.v1alpha1.deployment.IngressSpec();
            ingress.setHost("a.example.com");
            ingress.setAnnotations(Map.of("nginx.ingress.kubernetes.io/canary-weight", "50"));
            md.getSpec().setIngress(ingress);
            var gateway = new dev.gantry.api.v1alpha1.deployment.GatewaySpec();
            var parent = new dev.gantry.api.v1alpha1.deployment.GatewayParentRef();
            parent.setName("gw");
            gateway.setParentRefs(List.of(parent));
            gateway.setHostnames(List.of("b.example.com"));
            gateway.setPath("/v1");
            md.getSpec().setGateway(gateway);
        });

        assertThat(conflicts)
                .extracting(SpecProblem::field)
                .containsExactly("spec.ingress.annotations", "spec.gateway.hostnames", "spec.gateway.path");
    }

    @Test
    void refusesAnUpdateStrategyThatIsNeitherACountNorAPercentage() {
        assertThat(problems(md -> md.getSpec().getUpdateStrategy().setMaxSurge(new IntOrString("lots"))))
                .extracting(SpecProblem::field)
                .containsExactly("spec.updateStrategy.maxSurge");
    }

    private static List<SpecProblem> problems(Consumer<ModelDeployment> change) {
        var md = Fixtures.example("cpu-tiny", "models");
        change.accept(md);
        return SpecValidator.validate(md, DEFAULTS);
    }
}
