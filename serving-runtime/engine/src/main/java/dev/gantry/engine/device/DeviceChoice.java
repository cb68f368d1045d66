package dev.gantry.engine.device;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.DataType;
import java.util.Locale;

/**
 * The device and data type a model runs in, decided once at start from the {@code device} and
 * {@code dtype} settings: the GPU when one is visible (unless told otherwise), float32 on the CPU and
 * float16 on the GPU. bfloat16 is refused: the DJL PyTorch bindings of this build abort the process on
 * any bfloat16 tensor (bfloat16 weights are widened to float32 while loading instead).
 */
public record DeviceChoice(Device device, DataType dataType) {

    /** Resolves the settings against the GPUs PyTorch can see. */
    public static DeviceChoice resolve(String deviceSetting, String dtypeSetting, Engine engine) {
        return resolve(deviceSetting, dtypeSetting, engine.getGpuCount());
    }

    /** Resolves the settings against a given number of GPUs. */
    public static DeviceChoice resolve(String deviceSetting, String dtypeSetting, int gpuCount) {
        String device = normalise(deviceSetting);
        Device chosen = switch (device) {
            case "auto" -> gpuCount > 0 ? Device.gpu() : Device.cpu();
            case "cpu" -> Device.cpu();
            case "gpu", "cuda" -> {
                if (gpuCount == 0) {
                    throw new IllegalArgumentException(
                            "device is 'gpu' but PyTorch sees no GPU (is the CUDA image and a GPU runtime in use?)");
                }
                yield Device.gpu();
            }
            default ->
                throw new IllegalArgumentException("device must be auto, cpu or gpu, got '" + deviceSetting + "'");
        };
        return new DeviceChoice(chosen, dataType(dtypeSetting, chosen.isGpu()));
    }

    private static DataType dataType(String setting, boolean gpu) {
        return switch (normalise(setting)) {
            case "auto" -> gpu ? DataType.FLOAT16 : DataType.FLOAT32;
            case "float32", "fp32" -> DataType.FLOAT32;
            case "float16", "fp16", "half" -> DataType.FLOAT16;
            case "bfloat16", "bf16" ->
                throw new IllegalArgumentException(
                        "dtype bfloat16 is not available: the DJL PyTorch bindings of this build cannot create bfloat16 "
                                + "tensors; use float16 (GPU) or float32");
            default ->
                throw new IllegalArgumentException(
                        "dtype must be auto, float32, float16 or bfloat16, got '" + setting + "'");
        };
    }

    private static String normalise(String value) {
        return value == null || value.isBlank() ? "auto" : value.trim().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return device + " " + dataType.name().toLowerCase(Locale.ROOT);
    }
}
