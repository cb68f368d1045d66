package dev.gantry.engine.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes float32 tensors in the safetensors format, for tests that build model variants. */
public final class SafetensorsWriter {
    private final Map<String, float[]> data = new LinkedHashMap<>();
    private boolean bfloat16;

    /** Writes every tensor as bfloat16 (rounded to nearest even) instead of float32. */
    public SafetensorsWriter bfloat16() {
        bfloat16 = true;
        return this;
    }

    private final Map<String, long[]> shapes = new LinkedHashMap<>();

    public SafetensorsWriter put(String name, long[] shape, float[] values) {
        data.put(name, values);
        shapes.put(name, shape);
        return this;
    }

    public void write(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode header = json.createObjectNode();
        long offset = 0;
        for (Map.Entry<String, float[]> entry : data.entrySet()) {
            ObjectNode tensor = header.putObject(entry.getKey());
            tensor.put("dtype", bfloat16 ? "BF16" : "F32");
            tensor.putPOJO("shape", shapes.get(entry.getKey()));
            long end = offset + (bfloat16 ? 2L : 4L) * entry.getValue().length;
            tensor.putArray("data_offsets").add(offset).add(end);
            offset = end;
        }
        byte[] headerBytes = json.writeValueAsString(header).getBytes(StandardCharsets.UTF_8);
        int padded = (headerBytes.length + 7) / 8 * 8;
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(ByteBuffer.allocate(8)
                    .order(ByteOrder.LITTLE_ENDIAN)
                    .putLong(padded)
                    .array());
            out.write(headerBytes);
            for (int i = headerBytes.length; i < padded; i++) {
                out.write(' ');
            }
            for (float[] values : data.values()) {
                ByteBuffer buffer =
                        ByteBuffer.allocate(values.length * (bfloat16 ? 2 : 4)).order(ByteOrder.LITTLE_ENDIAN);
                for (float value : values) {
                    if (bfloat16) {
                        int bits = Float.floatToIntBits(value);
                        buffer.putShort((short) ((bits + 0x7FFF + ((bits >>> 16) & 1)) >>> 16));
                    } else {
                        buffer.putFloat(value);
                    }
                }
                out.write(buffer.array());
            }
        }
    }
}
