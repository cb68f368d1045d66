package dev.gantry.engine.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.types.DataType;
import org.junit.jupiter.api.Test;

class DeviceChoiceTest {
    @Test
    void autoPicksTheCpuInFloat32WithoutAGpu() {
        DeviceChoice choice = DeviceChoice.resolve("auto", "auto", 0);

        assertThat(choice.device().isGpu()).isFalse();
        assertThat(choice.dataType()).isEqualTo(DataType.FLOAT32);
    }

    @Test
    void autoPicksTheGpuInFloat16WhenOneIsVisible() {
        DeviceChoice choice = DeviceChoice.resolve("auto", "auto", 1);

        assertThat(choice.device().isGpu()).isTrue();
        assertThat(choice.dataType()).isEqualTo(DataType.FLOAT16);
    }

    @Test
    void anExplicitSettingWins() {
        DeviceChoice choice = DeviceChoice.resolve("cpu", "float16", 1);

        assertThat(choice.device().isGpu()).isFalse();
        assertThat(choice.dataType()).isEqualTo(DataType.FLOAT16);
        assertThat(DeviceChoice.resolve("gpu", "float32", 2).dataType()).isEqualTo(DataType.FLOAT32);
    }

    @Test
    void bfloat16IsRefusedWithTheReason() {
        assertThatThrownBy(() -> DeviceChoice.resolve("auto", "bfloat16", 1))
                .hasMessageContaining("bfloat16 is not available")
                .hasMessageContaining("float16");
    }

    @Test
    void askingForAGpuWithoutOneIsAClearError() {
        assertThatThrownBy(() -> DeviceChoice.resolve("gpu", "auto", 0)).hasMessageContaining("PyTorch sees no GPU");
        assertThatThrownBy(() -> DeviceChoice.resolve("tpu", "auto", 0)).hasMessageContaining("auto, cpu or gpu");
        assertThatThrownBy(() -> DeviceChoice.resolve("cpu", "int4", 0)).hasMessageContaining("float32");
    }
}
