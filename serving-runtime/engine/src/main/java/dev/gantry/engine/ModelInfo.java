package dev.gantry.engine;

import dev.gantry.engine.device.DeviceChoice;
import dev.gantry.engine.model.ModelConfig;
import java.util.List;

/** What a loaded model is and how it runs, for logs, {@code /v1/models} and request validation. */
public record ModelInfo(
        ModelConfig config,
        DeviceChoice device,
        int maxContextLength,
        int vocabSize,
        List<Integer> endOfSequenceIds,
        Integer bosTokenId,
        long kvCacheBytesPerSequence) {}
