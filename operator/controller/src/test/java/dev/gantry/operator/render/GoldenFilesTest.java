package dev.gantry.operator.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.api.v1alpha1.ModelDeployment;
import dev.gantry.operator.testing.MockApiServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files: each ModelDeployment (every example under examples/ and the edge cases under
 * src/test/resources/golden/cases/) renders to exactly the checked-in children. Regenerate after an intended
 * change with {@code ./mvnw -pl operator/controller test -Dtest=GoldenFilesTest -Dgantry.regenerate=true} and
 * review the diff.
 */
class GoldenFilesTest {

    private static final Path GOLDEN = MockApiServer.root().resolve("operator/controller/src/test/resources/golden");
    private static final boolean REGENERATE = Boolean.getBoolean("gantry.regenerate");

    static Stream<Arguments> cases() throws IOException {
        var cases = new ArrayList<Arguments>();
        try (var examples = Files.list(MockApiServer.root().resolve("examples"))) {
            examples.filter(dir -> Files.exists(dir.resolve("model-deployment.yaml")))
                    .sorted()
                    .forEach(dir -> cases.add(Arguments.of(
                            "examples/" + dir.getFileName(),
                            dir.resolve("model-deployment.yaml"),
                            GOLDEN.resolve("examples").resolve(dir.getFileName() + ".yaml"))));
        }
        try (var edgeCases = Files.list(GOLDEN.resolve("cases"))) {
            edgeCases
                    .sorted()
                    .forEach(dir -> cases.add(Arguments.of(
                            "cases/" + dir.getFileName(),
                            dir.resolve("model-deployment.yaml"),
                            dir.resolve("expected.yaml"))));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rendersTheCheckedInChildren(String name, Path input, Path expected) throws IOException {
        var actual = render(input);

        if (REGENERATE) {
            Files.createDirectories(expected.getParent());
            Files.writeString(expected, actual);
        }
        assertThat(expected)
                .as("golden file for %s (regenerate with -Dgantry.regenerate=true)", name)
                .exists();
        assertThat(actual).isEqualTo(Files.readString(expected));
    }

    /** What the operator applies for a new ModelDeployment: all its children, in the render command's order. */
    static String render(Path input) throws IOException {
        List<ModelDeployment> deployments = Manifests.readModelDeployments(Files.readString(input));
        var out = new StringBuilder();
        for (var md : deployments) {
            md.getMetadata().setNamespace("models");
            md.getMetadata().setUid("6c1f9a52-0d7e-4d43-9a8e-2f0c1b7f6e10");
            md.setApiVersion("gantry.dev/v1alpha1");
            var defaults = OperatorDefaults.standard();
            var revision = ModelDeploymentRenderer.currentRevision(md, defaults);
            out.append(Manifests.toYaml(ModelDeploymentRenderer.render(md, RenderContext.offline(defaults, revision))
                    .all()));
        }
        return out.toString();
    }
}
