package dev.gantry.install.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.gantry.install.Repository;
import dev.gantry.install.gitops.FluxHealthCheck.Status;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The health-check expressions of examples/gitops/flux/kustomization.yaml judge the sample statuses as the Argo CD
 * scripts do: Healthy is Current, Degraded is Failed, Progressing is InProgress, and a paused rollout (Suspended in
 * Argo CD) is Current, so a rollout waiting for a person does not time the Kustomization out.
 */
class FluxHealthTest {

    static final Path SAMPLES = Path.of("src/test/resources/health-samples");
    static final YAMLMapper YAML = new YAMLMapper();

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "md-no-status.yaml, InProgress",
        "md-stale-generation.yaml, InProgress",
        "md-model-loading.yaml, InProgress",
        "md-ready.yaml, Current",
        "md-secret-not-found.yaml, Failed",
        "md-crash-looping.yaml, Failed",
        "mr-no-status.yaml, InProgress",
        "mr-idle.yaml, Current",
        "mr-progressing.yaml, InProgress",
        "mr-paused.yaml, Current",
        "mr-promoting.yaml, InProgress",
        "mr-succeeded.yaml, Current",
        "mr-rolled-back.yaml, Failed",
        "mr-failed.yaml, Failed",
        "mr-stale-generation.yaml, InProgress",
    })
    void judgesTheSampleAsArgoCdDoes(String sample, Status expected) throws IOException {
        var object = YAML.readTree(SAMPLES.resolve(sample).toFile());

        var status = check(object.get("kind").asText()).assess(object);

        assertThat(status).isEqualTo(expected);
    }

    @Test
    void theKustomizationWaitsForTheOperatorAndChecksEveryObject() throws IOException {
        var spec = kustomization().get("spec");

        assertThat(spec.get("wait").asBoolean()).isTrue();
        assertThat(spec.get("dependsOn").findValuesAsText("name")).containsExactly("gantry");
        assertThat(spec.get("healthCheckExprs").findValuesAsText("kind"))
                .containsExactlyInAnyOrder("ModelDeployment", "ModelRollout");
    }

    private static FluxHealthCheck check(String kind) throws IOException {
        for (JsonNode entry : kustomization().get("spec").get("healthCheckExprs")) {
            if (entry.get("kind").asText().equals(kind)) {
                return new FluxHealthCheck(entry);
            }
        }
        throw new AssertionError("no health check expressions for " + kind);
    }

    private static JsonNode kustomization() throws IOException {
        return YAML.readTree(Repository.root()
                .resolve("examples/gitops/flux/kustomization.yaml")
                .toFile());
    }
}
