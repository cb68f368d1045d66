package dev.gantry.engine.device;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.DataType;
import ai.djl.util.cuda.CudaUtils;
import java.util.Locale;

/**
 * The device and data type a model runs in, decided once at start from the {@code device} and
 * {@code dtype} settings: GPU when one is visible (unless told otherwise), float32 on the CPU, bfloat16
 * on GPUs that support it (compute capability 8.0 and later) and float16 on older ones.
 */
public record DeviceChoice(Device device, DataType dataType) {

    /** Resolves the settings against the GPUs PyTorch can see. */
    public static DeviceChoice resolve(String deviceSetting, String dtypeSetting, Engine engine) {
        int gpus = engine.getGpuCount();
        String compute = null;
        if (gpus > 0) {
            try {
                compute = CudaUtils.getComputeCapability(0);
            } catch (RuntimeException e) {
                compute = null; // unknown: float16 is the safe choice
            }
        }
        return resolve(deviceSetting, dtypeSetting, gpus, compute);
    }

    /** Resolves the settings against a given number of GPUs and the first one's compute capability. */
    public static DeviceChoice resolve(
            String deviceSetting, String dtypeSetting, int gpuCount, String computeCapability) {
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
        return new DeviceChoice(chosen, dataType(dtypeSetting, chosen.isGpu(), computeCapability));
    }

    private static DataType dataType(String setting, boolean gpu, String computeCapability) {
        return switch (normalise(setting)) {
            case "auto" ->
                gpu ? (supportsBf16(computeCapability) ? DataType.BFLOAT16 : DataType.FLOAT16) : DataType.FLOAT32;
            case "float32", "fp32" -> DataType.FLOAT32;
            case "float16", "fp16", "half" -> DataType.FLOAT16;
            case "bfloat16", "bf16" -> DataType.BFLOAT16;
            default ->
                throw new IllegalArgumentException(
                        "dtype must be auto, float32, float16 or bfloat16, got '" + setting + "'");
        };
    }

    static boolean supportsBf16(String computeCapability) {
        if (computeCapability == null || computeCapability.isEmpty()) {
            return false;
        }
        try {
            // CUDA reports major and minor digits run together: "75", "80", "90", "100".
            return Integer.parseInt(computeCapability) / 10 >= 8;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String normalise(String value) {
        return value == null || value.isBlank() ? "auto" : value.trim().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return device + " " + dataType.name().toLowerCase(Locale.ROOT);
    }
}
