package dev.gantry.runtime.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the model to serve. {@code GANTRY_MODEL_DIR} when set; otherwise the embedded stories260K model:
 * the copy in the container image ({@code /opt/gantry/models/stories260K}) when present, else the copy
 * packaged in the runnable jar, extracted to a temporary directory that is removed at exit.
 */
public final class ModelLocator {
    public static final String EMBEDDED_NAME = "stories260K";
    public static final Path IMAGE_COPY = Paths.get("/opt/gantry/models", EMBEDDED_NAME);
    static final String RESOURCE_ROOT = "gantry/models/" + EMBEDDED_NAME + "/";
    static final List<String> FILES = List.of(
            "config.json",
            "generation_config.json",
            "model.safetensors",
            "tokenizer.json",
            "tokenizer_config.json",
            "LICENSE",
            "PROVENANCE.md");
    private static final Logger LOG = LoggerFactory.getLogger(ModelLocator.class);

    private ModelLocator() {}

    public static Path locate(Path configured) {
        if (configured != null) {
            return configured;
        }
        if (Files.isRegularFile(IMAGE_COPY.resolve("config.json"))) {
            return IMAGE_COPY;
        }
        return extractEmbedded();
    }

    static Path extractEmbedded() {
        try {
            Path dir = Files.createTempDirectory("gantry-model-").resolve(EMBEDDED_NAME);
            Files.createDirectories(dir);
            for (String file : FILES) {
                try (InputStream in = ModelLocator.class.getClassLoader().getResourceAsStream(RESOURCE_ROOT + file)) {
                    if (in == null) {
                        throw new IllegalStateException("the embedded model is missing " + file
                                + " (set GANTRY_MODEL_DIR or rebuild the runtime jar)");
                    }
                    Files.copy(in, dir.resolve(file));
                }
            }
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(() -> deleteQuietly(dir.getParent()), "gantry-model-cleanup"));
            LOG.info("serving the embedded {} model (extracted to {})", EMBEDDED_NAME, dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract the embedded model: " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort at exit
        }
    }
}
