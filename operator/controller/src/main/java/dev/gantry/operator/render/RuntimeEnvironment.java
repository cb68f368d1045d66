package dev.gantry.operator.render;

import dev.gantry.api.v1alpha1.deployment.BatchingSpec;
import dev.gantry.api.v1alpha1.deployment.ConstraintKind;
import dev.gantry.api.v1alpha1.deployment.ConstraintPolicy;
import dev.gantry.api.v1alpha1.deployment.GenerationSpec;
import dev.gantry.api.v1alpha1.deployment.ModelSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The runtime's configuration as the variables of docs/runtime-config.md, written into the revision's
 * ConfigMap. Secrets never appear here: the cache password and download token come from Secret references,
 * API keys from a mounted Secret.
 */
public final class RuntimeEnvironment {

    public static final int PORT = 8080;
    public static final String MODEL_DIR = "/models";
    public static final String TOKENIZER_DIR = "/tokenizer";
    public static final String API_KEYS_DIR = "/etc/gantry/api-keys";
    public static final String TMP_DIR = "/tmp";

    private RuntimeEnvironment() {}

    public static Map<String, String> of(String md, String revision, RevisionSpec spec, OperatorDefaults defaults) {
        var env = new LinkedHashMap<String, String>();
        model(env, spec.model());
        env.put("GANTRY_DEVICE", spec.gpu() ? "gpu" : "cpu");
        env.put("GANTRY_HOST", "0.0.0.0");
        env.put("GANTRY_PORT", String.valueOf(PORT));
        batching(env, spec.runtime().getBatching());
        generation(env, spec.runtime().getGeneration());
        constraints(env, spec.runtime().getConstraints());
        if (spec.cache() != null && spec.cache().enabled()) {
            env.put("GANTRY_CACHE_URL", spec.cache().url());
            env.put("GANTRY_CACHE_TTL", spec.cache().ttl());
        }
        if (spec.auth() != null) {
            env.put("GANTRY_API_KEYS_DIR", API_KEYS_DIR);
            var rateLimit = spec.auth().getRateLimit();
            if (rateLimit != null) {
                env.put("GANTRY_RATE_LIMIT_RPM", String.valueOf(rateLimit.getRequestsPerMinute()));
                if (rateLimit.getBurst() != null) {
                    env.put("GANTRY_RATE_LIMIT_BURST", String.valueOf(rateLimit.getBurst()));
                }
            }
        }
        var shutdown = ShutdownTiming.of(spec.runtime().getShutdown().getGracePeriod());
        env.put("GANTRY_SHUTDOWN_GRACE", Durations.ofSeconds(shutdown.drainSeconds()));
        env.put("GANTRY_REVISION", revision);
        env.put("GANTRY_DEPLOYMENT", md);
        env.put("GANTRY_LOG_FORMAT", defaults.runtimeLogFormat());
        env.put("GANTRY_PROFILE", "production");
        env.put("DJL_CACHE_DIR", TMP_DIR + "/djl");
        return env;
    }

    private static void model(Map<String, String> env, ModelSource model) {
        env.put("GANTRY_MODEL_DIR", directory(ModelLocation.parse(model.getUri()), MODEL_DIR));
        env.put("GANTRY_MODEL_NAME", model.getName());
        env.put("GANTRY_MODEL_FORMAT", model.getFormat().name().toLowerCase(Locale.ROOT));
        if (model.getTokenizerUri() != null) {
            env.put("GANTRY_TOKENIZER_DIR", directory(ModelLocation.parse(model.getTokenizerUri()), TOKENIZER_DIR));
        }
        env.put("GANTRY_DTYPE", model.getDtype().name().toLowerCase(Locale.ROOT));
        if (model.getMaxContextLength() != null) {
            env.put("GANTRY_MAX_CONTEXT_LENGTH", String.valueOf(model.getMaxContextLength()));
        }
    }

    /** Where the runtime finds the files: the image path for {@code file://}, else the mount point. */
    static String directory(ModelLocation location, String mountPoint) {
        return location.scheme() == ModelLocation.Scheme.FILE ? location.imagePath() : mountPoint;
    }

    private static void batching(Map<String, String> env, BatchingSpec batching) {
        env.put("GANTRY_MAX_BATCH_SIZE", String.valueOf(batching.getMaxBatchSize()));
        env.put("GANTRY_MAX_CONCURRENT_SEQUENCES", String.valueOf(batching.getMaxConcurrentSequences()));
        env.put("GANTRY_MAX_QUEUE_SIZE", String.valueOf(batching.getMaxQueueSize()));
        env.put("GANTRY_QUEUE_TIMEOUT", batching.getQueueTimeout());
    }

    private static void generation(Map<String, String> env, GenerationSpec generation) {
        var defaults = generation.getDefaults();
        var limits = generation.getLimits();
        env.put("GANTRY_DEFAULT_MAX_TOKENS", String.valueOf(defaults.getMaxTokens()));
        env.put("GANTRY_DEFAULT_TEMPERATURE", String.valueOf(defaults.getTemperature()));
        env.put("GANTRY_DEFAULT_TOP_P", String.valueOf(defaults.getTopP()));
        env.put("GANTRY_LIMIT_MAX_TOKENS", String.valueOf(limits.getMaxTokens()));
        env.put("GANTRY_LIMIT_MAX_TEMPERATURE", String.valueOf(limits.getMaxTemperature()));
        env.put("GANTRY_LIMIT_MIN_TOP_P", String.valueOf(limits.getMinTopP()));
    }

    private static void constraints(Map<String, String> env, ConstraintPolicy constraints) {
        env.put("GANTRY_ALLOWED_CONSTRAINTS", allowedKinds(constraints.getAllowedKinds()));
        env.put("GANTRY_CONSTRAINT_COMPILE_TIMEOUT", constraints.getCompileTimeout());
    }

    static String allowedKinds(List<ConstraintKind> kinds) {
        return kinds.stream()
                .map(kind -> switch (kind) {
                    case Choice -> "choice";
                    case Regex -> "regex";
                    case Json -> "json";
                    case JsonSchema -> "json_schema";
                    case Grammar -> "grammar";
                })
                .collect(Collectors.joining(","));
    }
}
