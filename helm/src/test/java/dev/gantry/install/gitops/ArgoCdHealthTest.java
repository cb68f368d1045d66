package dev.gantry.install.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArgoCdHealthTest {

    static final Path ROOT = Path.of(System.getProperty("gantry.root", ".."));
    static final Path HEALTH = ROOT.resolve("examples/gitops/argocd/health");
    static final Path SAMPLES = Path.of("src/test/resources/health-samples");
    static final YAMLMapper YAML = new YAMLMapper();

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "md-no-status.yaml, Progressing, Waiting for the Gantry operator",
        "md-stale-generation.yaml, Progressing, observe generation 3",
        "md-model-loading.yaml, Progressing, ModelLoading",
        "md-ready.yaml, Healthy, Ready 2/2 revision 7c9f1e2a3b",
        "md-secret-not-found.yaml, Degraded, SecretNotFound: Secret llama-api-keys",
        "md-crash-looping.yaml, Degraded, CrashLooping",
    })
    void modelDeploymentHealth(String sample, String status, String message) throws IOException {
        ArgoCdHealthCheck.Health health =
                new ArgoCdHealthCheck(HEALTH.resolve("modeldeployment.lua")).assess(sample(sample));

        assertThat(health.status()).isEqualTo(status);
        assertThat(health.message()).contains(message);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "mr-no-status.yaml, Progressing, Waiting for the Gantry operator",
        "mr-idle.yaml, Healthy, Stable revision 7c9f1e2a3b",
        "mr-progressing.yaml, Progressing, 'Progressing at step 3/9, weight 25%'",
        "mr-paused.yaml, Suspended, 'Paused at step 6/9, weight 25%'",
        "mr-promoting.yaml, Progressing, Promoting",
        "mr-succeeded.yaml, Healthy, Stable revision 4d51a0be92",
        "mr-rolled-back.yaml, Degraded, 'RolledBack: error-rate 0.12 failed result < 0.01'",
        "mr-failed.yaml, Degraded, Failed: candidate never became ready",
        "mr-stale-generation.yaml, Progressing, observe generation 5",
    })
    void modelRolloutHealth(String sample, String status, String message) throws IOException {
        ArgoCdHealthCheck.Health health =
                new ArgoCdHealthCheck(HEALTH.resolve("modelrollout.lua")).assess(sample(sample));

        assertThat(health.status()).isEqualTo(status);
        assertThat(health.message()).contains(message);
    }

    @Test
    void argoCdConfigMapPatchCarriesExactlyTheTestedScripts() throws IOException {
        JsonNode configMap = YAML.readTree(
                ROOT.resolve("examples/gitops/argocd/argocd-cm-health.yaml").toFile());

        assertThat(configMap
                        .at("/data/resource.customizations.health.gantry.dev_ModelDeployment")
                        .asText())
                .isEqualTo(Files.readString(HEALTH.resolve("modeldeployment.lua")));
        assertThat(configMap
                        .at("/data/resource.customizations.health.gantry.dev_ModelRollout")
                        .asText())
                .isEqualTo(Files.readString(HEALTH.resolve("modelrollout.lua")));
    }

    private static JsonNode sample(String name) throws IOException {
        return YAML.readTree(SAMPLES.resolve(name).toFile());
    }
}
