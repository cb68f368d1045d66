package dev.gantry.runtime.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/**
 * Every setting of {@code gantry-runtime serve}, validated (see {@code docs/runtime-config.md}). Optional
 * settings are null (paths, URLs) or 0 (limits) when unset.
 */
public record RuntimeConfig(
        Path modelDir,
        String modelName,
        Path tokenizerDir,
        String dtype,
        String device,
        int maxContextLength,
        String host,
        int port,
        int maxBatchSize,
        int maxConcurrentSequences,
        int maxQueueSize,
        Duration queueTimeout,
        int defaultMaxTokens,
        double defaultTemperature,
        double defaultTopP,
        int limitMaxTokens,
        double limitMaxTemperature,
        double limitMinTopP,
        Set<String> allowedConstraints,
        Duration constraintCompileTimeout,
        int maxRequestBytes,
        String cacheUrl,
        String cachePassword,
        Duration cacheTtl,
        Path apiKeysDir,
        int rateLimitRpm,
        int rateLimitBurst,
        Duration shutdownGrace,
        String revision,
        String deployment,
        String logFormat,
        String profile,
        double faultErrorRate,
        Duration faultDelay) {

    /** Constraint kinds the runtime knows; {@code GANTRY_ALLOWED_CONSTRAINTS} picks among them. */
    public static final Set<String> CONSTRAINT_KINDS = Set.of("choice", "regex", "json", "json_schema", "grammar");

    public boolean cacheEnabled() {
        return cacheUrl != null;
    }

    public boolean authEnabled() {
        return apiKeysDir != null;
    }

    public boolean rateLimited() {
        return rateLimitRpm > 0;
    }

    public boolean testProfile() {
        return "test".equals(profile);
    }

    /** A copy with another port (tests bind port 0 and read the real one back). */
    public RuntimeConfig withPort(int newPort) {
        return new RuntimeConfig(
                modelDir,
                modelName,
                tokenizerDir,
                dtype,
                device,
                maxContextLength,
                host,
                newPort,
                maxBatchSize,
                maxConcurrentSequences,
                maxQueueSize,
                queueTimeout,
                defaultMaxTokens,
                defaultTemperature,
                defaultTopP,
                limitMaxTokens,
                limitMaxTemperature,
                limitMinTopP,
                allowedConstraints,
                constraintCompileTimeout,
                maxRequestBytes,
                cacheUrl,
                cachePassword,
                cacheTtl,
                apiKeysDir,
                rateLimitRpm,
                rateLimitBurst,
                shutdownGrace,
                revision,
                deployment,
                logFormat,
                profile,
                faultErrorRate,
                faultDelay);
    }
}
