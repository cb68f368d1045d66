package dev.gantry.engine;

import dev.gantry.engine.sampling.MaskObserver;
import dev.gantry.engine.scheduler.SchedulerConfig;
import java.nio.file.Path;

/**
 * How to load and run a model. {@code tokenizerDir} null means the model directory;
 * {@code maxContextLength} 0 means the model's {@code max_position_embeddings}.
 */
public record EngineOptions(
        Path modelDir,
        Path tokenizerDir,
        String device,
        String dtype,
        int maxContextLength,
        SchedulerConfig scheduler,
        MaskObserver maskObserver) {

    public static EngineOptions forModel(Path modelDir) {
        return new EngineOptions(modelDir, null, "auto", "auto", 0, SchedulerConfig.defaults(), MaskObserver.NONE);
    }

    public EngineOptions withScheduler(SchedulerConfig config) {
        return new EngineOptions(modelDir, tokenizerDir, device, dtype, maxContextLength, config, maskObserver);
    }

    public EngineOptions withDevice(String newDevice, String newDtype) {
        return new EngineOptions(
                modelDir, tokenizerDir, newDevice, newDtype, maxContextLength, scheduler, maskObserver);
    }

    public EngineOptions withMaxContextLength(int length) {
        return new EngineOptions(modelDir, tokenizerDir, device, dtype, length, scheduler, maskObserver);
    }

    public EngineOptions withTokenizerDir(Path dir) {
        return new EngineOptions(modelDir, dir, device, dtype, maxContextLength, scheduler, maskObserver);
    }

    public EngineOptions withMaskObserver(MaskObserver observer) {
        return new EngineOptions(modelDir, tokenizerDir, device, dtype, maxContextLength, scheduler, observer);
    }
}
