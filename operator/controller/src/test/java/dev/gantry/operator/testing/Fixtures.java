package dev.gantry.operator.testing;

import dev.gantry.api.v1alpha1.ModelDeployment;
import dev.gantry.operator.render.Manifests;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/** ModelDeployments read from the repository's examples and the test resources. */
public final class Fixtures {

    private Fixtures() {}

    /** The first ModelDeployment of {@code examples/<name>/model-deployment.yaml}, in a namespace. */
    public static ModelDeployment example(String name, String namespace) {
        try {
            var yaml = Files.readString(
                    MockApiServer.root().resolve("examples").resolve(name).resolve("model-deployment.yaml"));
            var md = Manifests.readModelDeployments(yaml).get(0);
            md.getMetadata().setNamespace(namespace);
            return md;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ModelDeployment fromYaml(String yaml, String namespace) {
        var md = Manifests.readModelDeployments(yaml).get(0);
        md.getMetadata().setNamespace(namespace);
        return md;
    }
}
