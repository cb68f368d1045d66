package dev.gantry.engine.scheduler;

/** Token counts of a finished sequence. {@code generatedTokens} includes a final end-of-sequence token. */
public record GenerationStats(int promptTokens, int generatedTokens) {}
