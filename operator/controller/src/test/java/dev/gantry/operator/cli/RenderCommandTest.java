package dev.gantry.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.operator.testing.MockApiServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RenderCommandTest {

    @Test
    void printsTheManifestsTheOperatorAppliesForAnExample() throws Exception {
        var example = MockApiServer.root().resolve("examples/cpu-tiny/model-deployment.yaml");

        var result = run("render", "-f", example.toString(), "-n", "models");

        assertThat(result.exit()).isZero();
        assertThat(result.out())
                .startsWith("# ModelDeployment models/tiny, revision ")
                .contains("kind: Deployment\n", "name: tiny-cache-auth\n", "GANTRY_MODEL_NAME: stories260k\n")
                .doesNotContain("ownerReferences:");
        assertThat(result.out().split("\n---\n")).hasSize(11);
    }

    @Test
    void refusesWhatTheOperatorWouldRefuseAndSaysWhy(@TempDir Path dir) throws Exception {
        var file = dir.resolve("gpu.yaml");
        Files.writeString(file, """
                apiVersion: gantry.dev/v1alpha1
                kind: ModelDeployment
                metadata: {name: gpu}
                spec:
                  model: {uri: "pvc://models/m", name: m}
                  runtime: {device: GPU, image: "my/cpu-image:1"}
                """);

        var result = run("render", "-f", file.toString(), "--runtime-image", "my/cpu-image:1");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err())
                .contains(
                        "error: ModelDeployment default/gpu: spec.runtime.image: my/cpu-image:1 is the CPU-only runtime image");
    }

    @Test
    void usesTheConfiguredDefaultImages() throws Exception {
        var example = MockApiServer.root().resolve("examples/gpu-llama/model-deployment.yaml");

        var result = run("render", "-f", example.toString(), "--gpu-runtime-image", "registry.local/gantry:cuda");

        assertThat(result.out()).contains("image: registry.local/gantry:cuda\n");
    }

    private record Result(int exit, String out, String err) {}

    private static Result run(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        var command = new CommandLine(new GantryCli());
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        int exit = command.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }
}
