package dev.gantry.install.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.install.Repository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The chart's {@code crds/} is a byte-for-byte copy of the repository's {@code crds/} (generated from the API types),
 * so {@code helm install} creates the same CRDs {@code kubectl apply -f crds/} does.
 */
class CrdCopyTest {

    @Test
    void chartCrdsAreTheRepositoryCrds() throws IOException {
        var source = Repository.root().resolve("crds");
        var copy = Repository.chart().resolve("crds");
        if (Repository.regenerate()) {
            regenerate(source, copy);
        }

        assertThat(contents(copy))
                .as("helm/gantry/crds is stale; regenerate with ./mvnw -pl helm test -Dgantry.regenerate=true")
                .isEqualTo(contents(source));
    }

    @Test
    void chartShipsBothCustomResourceDefinitions() throws IOException {
        assertThat(contents(Repository.chart().resolve("crds")))
                .containsOnlyKeys("modeldeployments.gantry.dev.yaml", "modelrollouts.gantry.dev.yaml");
    }

    private static void regenerate(Path source, Path copy) throws IOException {
        Files.createDirectories(copy);
        try (Stream<Path> stale = Files.list(copy)) {
            for (var file : stale.toList()) {
                Files.delete(file);
            }
        }
        try (Stream<Path> files = Files.list(source)) {
            for (var file : files.toList()) {
                Files.copy(file, copy.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static Map<String, String> contents(Path directory) throws IOException {
        var contents = new TreeMap<String, String>();
        try (Stream<Path> files = Files.list(directory)) {
            for (var file : files.toList()) {
                contents.put(file.getFileName().toString(), Files.readString(file));
            }
        }
        return contents;
    }
}
