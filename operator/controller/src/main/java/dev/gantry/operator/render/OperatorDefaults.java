package dev.gantry.operator.render;

import java.util.Objects;
import java.util.Optional;

/**
 * Operator-wide settings that shape children: the default runtime images (set by the Helm chart) and the
 * runtime's log format. A plain value so that the {@code render} command can build one without Quarkus.
 *
 * @param runtimeImage serving-runtime image for {@code device: CPU}
 * @param gpuRuntimeImage CUDA serving-runtime image for {@code device: GPU}
 * @param runtimeLogFormat {@code json} or {@code text}, written as {@code GANTRY_LOG_FORMAT}
 * @param hfEndpoint Hugging Face Hub base URL for downloads, when not the public Hub
 */
public record OperatorDefaults(
        String runtimeImage, String gpuRuntimeImage, String runtimeLogFormat, Optional<String> hfEndpoint) {

    public static final String DEFAULT_RUNTIME_IMAGE = "ghcr.io/gantry-dev/gantry-runtime:0.1.0";
    public static final String DEFAULT_GPU_RUNTIME_IMAGE = "ghcr.io/gantry-dev/gantry-runtime:0.1.0-cuda";

    public OperatorDefaults {
        Objects.requireNonNull(runtimeImage, "runtimeImage");
        Objects.requireNonNull(gpuRuntimeImage, "gpuRuntimeImage");
        Objects.requireNonNull(runtimeLogFormat, "runtimeLogFormat");
        hfEndpoint = hfEndpoint == null ? Optional.empty() : hfEndpoint.filter(s -> !s.isBlank());
    }

    public static OperatorDefaults standard() {
        return new OperatorDefaults(DEFAULT_RUNTIME_IMAGE, DEFAULT_GPU_RUNTIME_IMAGE, "json", Optional.empty());
    }
}
