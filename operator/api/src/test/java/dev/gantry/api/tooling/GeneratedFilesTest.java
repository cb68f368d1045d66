package dev.gantry.api.tooling;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratedFilesTest {

    static final Path ROOT = Path.of(System.getProperty("gantry.root", "../.."));

    @Test
    void checkedInCrdsAndApiReferenceMatchTheJavaTypes() {
        GeneratedFiles generated = GeneratedFiles.fromTypes();
        if (Boolean.getBoolean("gantry.regenerate")) {
            generated.writeUnder(ROOT);
        }

        assertThat(generated.staleUnder(ROOT))
                .as("generated files are stale; regenerate with: ./mvnw -pl operator/api test -Dgantry.regenerate=true")
                .isEmpty();
    }

    @Test
    void reportsAFileWhoseFieldChangedWithoutRegeneration(@TempDir Path checkout) throws Exception {
        GeneratedFiles generated = GeneratedFiles.fromTypes();
        generated.writeUnder(checkout);
        Path crd = Path.of("crds", "modeldeployments.gantry.dev.yaml");
        Files.writeString(
                checkout.resolve(crd), Files.readString(checkout.resolve(crd)).replace("maxBatchSize", "batchSize"));

        assertThat(generated.staleUnder(checkout)).containsExactly(crd);
    }

    @Test
    void reportsAGeneratedFileThatWasNeverCheckedIn(@TempDir Path checkout) {
        Map<Path, String> files = new LinkedHashMap<>(GeneratedFiles.fromTypes().files());
        GeneratedFiles.of(files).writeUnder(checkout);
        files.put(Path.of("crds", "newkinds.gantry.dev.yaml"), "kind: CustomResourceDefinition\n");

        assertThat(GeneratedFiles.of(files).staleUnder(checkout))
                .containsExactly(Path.of("crds", "newkinds.gantry.dev.yaml"));
    }
}
