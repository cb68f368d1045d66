package dev.gantry.engine.scheduler;

import java.util.List;

/** A finished sequence collected in full: its token ids (without a final end-of-sequence), text, reason. */
public record GenerationResult(List<Integer> tokens, String text, FinishReason finishReason, GenerationStats stats) {}
