package dev.gantry.engine.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.types.DataType;
import org.junit.jupiter.api.Test;

class DeviceChoiceTest {
    @Test
    void autoPicksTheCpuInFloat32WithoutAGpu() {
        DeviceChoice choice = DeviceChoice.resolve("auto", "auto", 0, null);

        assertThat(choice.device().isGpu()).isFalse();
        assertThat(choice.dataType()).isEqualTo(DataType.FLOAT32);
    }

    @Test
    void autoPicksTheGpuInBfloat16FromAmpereOn() {
        DeviceChoice choice = DeviceChoice.resolve("auto", "auto", 1, "80");

        assertThat(choice.device().isGpu()).isTrue();
        assertThat(choice.dataType()).isEqualTo(DataType.BFLOAT16);
        assertThat(DeviceChoice.resolve("auto", "auto", 1, "100").dataType()).isEqualTo(DataType.BFLOAT16);
    }

    @Test
    void olderGpusGetFloat16() {
        assertThat(DeviceChoice.resolve("gpu", "auto", 2, "75").dataType()).isEqualTo(DataType.FLOAT16);
    }

    @Test
    void anExplicitSettingWins() {
        DeviceChoice choice = DeviceChoice.resolve("cpu", "bfloat16", 1, "90");

        assertThat(choice.device().isGpu()).isFalse();
        assertThat(choice.dataType()).isEqualTo(DataType.BFLOAT16);
    }

    @Test
    void askingForAGpuWithoutOneIsAClearError() {
        assertThatThrownBy(() -> DeviceChoice.resolve("gpu", "auto", 0, null))
                .hasMessageContaining("PyTorch sees no GPU");
        assertThatThrownBy(() -> DeviceChoice.resolve("tpu", "auto", 0, null)).hasMessageContaining("auto, cpu or gpu");
        assertThatThrownBy(() -> DeviceChoice.resolve("cpu", "int4", 0, null)).hasMessageContaining("float32");
    }
}
