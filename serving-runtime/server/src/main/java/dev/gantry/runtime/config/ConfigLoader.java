package dev.gantry.runtime.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Builds a validated {@link RuntimeConfig} from environment variables and flags. */
public final class ConfigLoader {
    static final List<String> VARIABLES = List.of(
            "GANTRY_MODEL_DIR",
            "GANTRY_MODEL_NAME",
            "GANTRY_MODEL_FORMAT",
            "GANTRY_TOKENIZER_DIR",
            "GANTRY_DTYPE",
            "GANTRY_DEVICE",
            "GANTRY_MAX_CONTEXT_LENGTH",
            "GANTRY_HOST",
            "GANTRY_PORT",
            "GANTRY_MAX_BATCH_SIZE",
            "GANTRY_MAX_CONCURRENT_SEQUENCES",
            "GANTRY_MAX_QUEUE_SIZE",
            "GANTRY_QUEUE_TIMEOUT",
            "GANTRY_DEFAULT_MAX_TOKENS",
            "GANTRY_DEFAULT_TEMPERATURE",
            "GANTRY_DEFAULT_TOP_P",
            "GANTRY_LIMIT_MAX_TOKENS",
            "GANTRY_LIMIT_MAX_TEMPERATURE",
            "GANTRY_LIMIT_MIN_TOP_P",
            "GANTRY_ALLOWED_CONSTRAINTS",
            "GANTRY_CONSTRAINT_COMPILE_TIMEOUT",
            "GANTRY_MAX_REQUEST_BYTES",
            "GANTRY_CACHE_URL",
            "GANTRY_CACHE_TTL",
            "GANTRY_API_KEYS_DIR",
            "GANTRY_RATE_LIMIT_RPM",
            "GANTRY_RATE_LIMIT_BURST",
            "GANTRY_SHUTDOWN_GRACE",
            "GANTRY_REVISION",
            "GANTRY_DEPLOYMENT",
            "GANTRY_LOG_FORMAT",
            "GANTRY_PROFILE",
            "GANTRY_FAULT_ERROR_RATE",
            "GANTRY_FAULT_DELAY");

    private ConfigLoader() {}

    public static RuntimeConfig load(Settings s) {
        List<String> unknown =
                s.unknownFlags(VARIABLES.stream().map(Settings::flagOf).toList());
        if (!unknown.isEmpty()) {
            throw new ConfigException("unknown flag --" + unknown.get(0) + " (see docs/runtime-config.md)");
        }
        String format = s.string("GANTRY_MODEL_FORMAT", "safetensors").toLowerCase(Locale.ROOT);
        if (format.equals("torchscript")) {
            throw new ConfigException("GANTRY_MODEL_FORMAT=torchscript is not supported by this build of the runtime; "
                    + "serve the model as safetensors (the Hugging Face format)");
        }
        if (!format.equals("safetensors")) {
            throw new ConfigException(Settings.describe("GANTRY_MODEL_FORMAT")
                    + " must be safetensors or torchscript, got '" + format + "'");
        }
        int rpm = s.integer("GANTRY_RATE_LIMIT_RPM", 0, 1, 100_000_000);
        String profile = oneOf(s, "GANTRY_PROFILE", "production", Set.of("production", "test"));
        double faultRate = s.decimal("GANTRY_FAULT_ERROR_RATE", 0, 0, 1);
        Duration faultDelay = s.duration("GANTRY_FAULT_DELAY", Duration.ZERO);
        if ((faultRate > 0 || !faultDelay.isZero()) && !profile.equals("test")) {
            throw new ConfigException(
                    "GANTRY_FAULT_ERROR_RATE and GANTRY_FAULT_DELAY inject failures for end-to-end tests "
                            + "and are refused unless GANTRY_PROFILE=test");
        }
        return new RuntimeConfig(
                directory(s, "GANTRY_MODEL_DIR"),
                s.string("GANTRY_MODEL_NAME").orElse(null),
                directory(s, "GANTRY_TOKENIZER_DIR"),
                oneOf(s, "GANTRY_DTYPE", "auto", Set.of("auto", "float32", "float16", "bfloat16")),
                oneOf(s, "GANTRY_DEVICE", "auto", Set.of("auto", "cpu", "gpu")),
                s.integer("GANTRY_MAX_CONTEXT_LENGTH", 0, 2, 10_000_000),
                s.string("GANTRY_HOST", "0.0.0.0"),
                s.integer("GANTRY_PORT", 8080, 0, 65535),
                s.integer("GANTRY_MAX_BATCH_SIZE", 8, 1, 4096),
                s.integer("GANTRY_MAX_CONCURRENT_SEQUENCES", 64, 1, 65536),
                s.integer("GANTRY_MAX_QUEUE_SIZE", 256, 0, 1_000_000),
                positive(s, "GANTRY_QUEUE_TIMEOUT", Duration.ofSeconds(30)),
                s.integer("GANTRY_DEFAULT_MAX_TOKENS", 256, 1, 10_000_000),
                s.decimal("GANTRY_DEFAULT_TEMPERATURE", 1.0, 0, 100),
                s.decimal("GANTRY_DEFAULT_TOP_P", 1.0, Double.MIN_VALUE, 1),
                s.integer("GANTRY_LIMIT_MAX_TOKENS", 4096, 1, 10_000_000),
                s.decimal("GANTRY_LIMIT_MAX_TEMPERATURE", 2.0, 0, 100),
                s.decimal("GANTRY_LIMIT_MIN_TOP_P", 0.0, 0, 1),
                constraints(s),
                positive(s, "GANTRY_CONSTRAINT_COMPILE_TIMEOUT", Duration.ofSeconds(2)),
                s.integer("GANTRY_MAX_REQUEST_BYTES", 1_048_576, 1024, Integer.MAX_VALUE),
                cacheUrl(s),
                s.secret("GANTRY_CACHE_PASSWORD").orElse(null),
                positive(s, "GANTRY_CACHE_TTL", Duration.ofHours(1)),
                directory(s, "GANTRY_API_KEYS_DIR"),
                rpm,
                s.integer("GANTRY_RATE_LIMIT_BURST", rpm, 1, 100_000_000),
                s.duration("GANTRY_SHUTDOWN_GRACE", Duration.ofSeconds(60)),
                s.string("GANTRY_REVISION", "none"),
                s.string("GANTRY_DEPLOYMENT").orElse(null),
                oneOf(s, "GANTRY_LOG_FORMAT", "text", Set.of("text", "json")),
                profile,
                faultRate,
                faultDelay);
    }

    private static Path directory(Settings s, String variable) {
        return s.string(variable)
                .map(value -> {
                    Path path = Paths.get(value);
                    if (!Files.isDirectory(path)) {
                        throw new ConfigException(Settings.describe(variable) + ": " + value + " is not a directory");
                    }
                    return path;
                })
                .orElse(null);
    }

    private static String oneOf(Settings s, String variable, String fallback, Set<String> allowed) {
        String value = s.string(variable, fallback).toLowerCase(Locale.ROOT);
        if (!allowed.contains(value)) {
            throw new ConfigException(Settings.describe(variable) + " must be one of "
                    + allowed.stream().sorted().collect(Collectors.joining(", ")) + ", got '" + value + "'");
        }
        return value;
    }

    private static Duration positive(Settings s, String variable, Duration fallback) {
        Duration value = s.duration(variable, fallback);
        if (value.isZero() || value.isNegative()) {
            throw new ConfigException(Settings.describe(variable) + " must be longer than 0");
        }
        return value;
    }

    private static Set<String> constraints(Settings s) {
        String value = s.string(
                "GANTRY_ALLOWED_CONSTRAINTS",
                String.join(",", List.of("choice", "regex", "json", "json_schema", "grammar")));
        Set<String> kinds = new LinkedHashSet<>();
        if (value.equalsIgnoreCase("none")) {
            return Set.of();
        }
        for (String kind : Arrays.stream(value.split(","))
                .map(String::trim)
                .filter(k -> !k.isEmpty())
                .toList()) {
            String lower = kind.toLowerCase(Locale.ROOT);
            if (!RuntimeConfig.CONSTRAINT_KINDS.contains(lower)) {
                throw new ConfigException(Settings.describe("GANTRY_ALLOWED_CONSTRAINTS") + ": unknown kind '" + kind
                        + "' (known: choice, regex, json, json_schema, grammar)");
            }
            kinds.add(lower);
        }
        return Set.copyOf(kinds);
    }

    private static String cacheUrl(Settings s) {
        return s.string("GANTRY_CACHE_URL")
                .map(url -> {
                    if (!url.startsWith("redis://") && !url.startsWith("rediss://")) {
                        throw new ConfigException(
                                Settings.describe("GANTRY_CACHE_URL") + " must start with redis:// or rediss://");
                    }
                    return url;
                })
                .orElse(null);
    }
}
