package dev.gantry.engine;

import dev.gantry.engine.scheduler.SchedulerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;

/** Where the tests find the real model shipped in the repository, and engine options for it. */
public final class TestModels {
    /** Greedy decoding of "Zoo" after BOS: 4 prompt tokens, 57 generated (from the model's provenance). */
    public static final int[] ZOO_REFERENCE = {
        1, 410, 469, 347, 286, 261, 376, 298, 315, 421, 395, 317, 426, 338, 401, 396, 267, 337, 410, 408, 419, 292,
        411, 322, 265, 282, 295, 433, 426, 385, 328, 432, 358, 394, 261, 370, 432, 352, 266, 268, 388, 426, 338, 391,
        266, 267, 337, 335, 312, 432, 398, 358, 279, 292, 416, 439, 413, 391, 267, 337, 335
    };

    private TestModels() {}

    public static Path stories260K() {
        String dir = System.getProperty("gantry.models.dir");
        // From Maven the working directory is the module; from exec:java or an IDE it may be the repository root.
        for (Path base : dir != null
                ? new Path[] {Paths.get(dir)}
                : new Path[] {Paths.get("..", "models"), Paths.get("serving-runtime", "models")}) {
            Path model = base.resolve("stories260K").toAbsolutePath().normalize();
            if (Files.isRegularFile(model.resolve("config.json"))) {
                return model;
            }
        }
        throw new IllegalStateException("the embedded model serving-runtime/models/stories260K is missing");
    }

    public static EngineOptions cpuOptions(Path modelDir, int maxBatchSize, int maxConcurrent) {
        return EngineOptions.forModel(modelDir)
                .withDevice("cpu", "float32")
                .withScheduler(new SchedulerConfig(maxBatchSize, maxConcurrent, 64, Duration.ofSeconds(30), 1024));
    }
}
