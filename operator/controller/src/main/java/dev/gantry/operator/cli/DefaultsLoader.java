package dev.gantry.operator.cli;

import dev.gantry.operator.render.OperatorDefaults;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

/**
 * Reads the operator settings that shape manifests the way the operator does: {@code application.properties}
 * on the class path, then environment variables ({@code GANTRY_RUNTIME_IMAGE} for {@code gantry.runtime.image},
 * as Quarkus maps them); the command's flags win over both.
 */
final class DefaultsLoader {

    static final String IMAGE = "gantry.runtime.image";
    static final String GPU_IMAGE = "gantry.runtime.gpu-image";
    static final String LOG_FORMAT = "gantry.runtime.log-format";
    static final String HF_ENDPOINT = "gantry.runtime.hf-endpoint";

    private DefaultsLoader() {}

    static OperatorDefaults load(Map<String, String> environment) {
        var properties = new Properties();
        try (var in = DefaultsLoader.class.getClassLoader().getResourceAsStream("application.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read application.properties", e);
        }
        Function<String, Optional<String>> lookup = key -> Optional.ofNullable(environment.get(envName(key)))
                .or(() -> Optional.ofNullable(properties.getProperty(key)))
                .filter(value -> !value.isBlank());
        var standard = OperatorDefaults.standard();
        return new OperatorDefaults(
                lookup.apply(IMAGE).orElse(standard.runtimeImage()),
                lookup.apply(GPU_IMAGE).orElse(standard.gpuRuntimeImage()),
                lookup.apply(LOG_FORMAT).orElse(standard.runtimeLogFormat()),
                lookup.apply(HF_ENDPOINT));
    }

    /** Quarkus' rule: upper case, every non-alphanumeric character becomes an underscore. */
    static String envName(String key) {
        return key.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }
}
