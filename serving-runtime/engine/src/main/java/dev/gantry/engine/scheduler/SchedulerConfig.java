package dev.gantry.engine.scheduler;

import java.time.Duration;

/**
 * Limits of continuous batching: sequences per forward pass, sequences admitted at once (each holds a KV
 * cache slot), requests allowed to wait, how long one may wait, and prompt tokens per prefill pass (long
 * prompts are prefilled in chunks so that running sequences keep decoding).
 */
public record SchedulerConfig(
        int maxBatchSize, int maxConcurrentSequences, int maxQueueSize, Duration queueTimeout, int maxPrefillTokens) {

    public SchedulerConfig {
        if (maxBatchSize < 1 || maxConcurrentSequences < 1 || maxQueueSize < 0 || maxPrefillTokens < 1) {
            throw new IllegalArgumentException("scheduler limits must be positive");
        }
        if (queueTimeout == null || queueTimeout.isNegative() || queueTimeout.isZero()) {
            throw new IllegalArgumentException("queue timeout must be positive");
        }
    }

    public static SchedulerConfig defaults() {
        return new SchedulerConfig(8, 64, 256, Duration.ofSeconds(30), 1024);
    }
}
