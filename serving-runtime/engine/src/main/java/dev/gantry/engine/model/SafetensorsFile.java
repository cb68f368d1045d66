package dev.gantry.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One {@code .safetensors} file, read through a memory map so that tensors of any size load without
 * copying the file into the Java heap. On the CPU a float32 tensor is used straight from the mapping.
 */
public final class SafetensorsFile {
    /** Tensors above this size are mapped in row blocks, since one mapping holds at most 2 GiB. */
    private static final long MAX_MAPPING_BYTES = 1L << 30;

    private final Path path;
    private final long dataStart;
    private final Map<String, TensorInfo> tensors;

    /** Where one tensor lies in the file. */
    public record TensorInfo(String name, DataType dataType, Shape shape, long begin, long end) {}

    private SafetensorsFile(Path path, long dataStart, Map<String, TensorInfo> tensors) {
        this.path = path;
        this.dataStart = dataStart;
        this.tensors = tensors;
    }

    public static SafetensorsFile open(Path path) {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            ByteBuffer lengthBytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            readFully(channel, lengthBytes, 0);
            long headerLength = lengthBytes.flip().getLong();
            if (headerLength <= 0 || headerLength > 100_000_000L || headerLength + 8 > channel.size()) {
                throw new ModelLoadException(path.getFileName() + " is not a safetensors file (bad header length)");
            }
            ByteBuffer header = ByteBuffer.allocate((int) headerLength);
            readFully(channel, header, 8);
            JsonNode json = JsonFiles.MAPPER.readTree(new String(header.array(), StandardCharsets.UTF_8));
            long dataStart = 8 + headerLength;
            return new SafetensorsFile(path, dataStart, parseHeader(path, json, channel.size() - dataStart));
        } catch (IOException e) {
            throw new ModelLoadException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, TensorInfo> parseHeader(Path path, JsonNode json, long dataLength) {
        Map<String, TensorInfo> result = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (entry.getKey().equals("__metadata__")) {
                continue;
            }
            JsonNode node = entry.getValue();
            long[] dims = new long[node.path("shape").size()];
            for (int i = 0; i < dims.length; i++) {
                dims[i] = node.path("shape").get(i).asLong();
            }
            DataType type = dataType(path, entry.getKey(), node.path("dtype").asText());
            long begin = node.path("data_offsets").path(0).asLong(-1);
            long end = node.path("data_offsets").path(1).asLong(-1);
            Shape shape = new Shape(dims);
            if (begin < 0 || end > dataLength || end - begin != shape.size() * type.getNumOfBytes()) {
                throw new ModelLoadException(path.getFileName() + ": tensor " + entry.getKey()
                        + " has data offsets that do not match its shape and dtype (truncated file?)");
            }
            result.put(entry.getKey(), new TensorInfo(entry.getKey(), type, shape, begin, end));
        }
        return Collections.unmodifiableMap(result);
    }

    private static DataType dataType(Path path, String tensor, String dtype) {
        return switch (dtype) {
            case "F64" -> DataType.FLOAT64;
            case "F32" -> DataType.FLOAT32;
            case "F16" -> DataType.FLOAT16;
            case "BF16" -> DataType.BFLOAT16;
            case "I64" -> DataType.INT64;
            case "I32" -> DataType.INT32;
            case "I8" -> DataType.INT8;
            case "U8" -> DataType.UINT8;
            case "BOOL" -> DataType.BOOLEAN;
            default ->
                throw new ModelLoadException(
                        path.getFileName() + ": tensor " + tensor + " has unsupported dtype " + dtype);
        };
    }

    public Map<String, TensorInfo> tensors() {
        return tensors;
    }

    public Path path() {
        return path;
    }

    /** Loads a tensor into {@code manager} (on its device) with its stored data type. */
    public NDArray load(String name, NDManager manager) {
        TensorInfo info = tensors.get(name);
        if (info == null) {
            throw new ModelLoadException(path.getFileName() + " has no tensor " + name);
        }
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long bytes = info.end() - info.begin();
            if (bytes <= MAX_MAPPING_BYTES || info.shape().dimension() < 2) {
                return map(channel, info.begin(), bytes, info.shape(), info.dataType(), manager);
            }
            return loadInRowBlocks(channel, info, manager);
        } catch (IOException e) {
            throw new ModelLoadException("cannot read tensor " + name + " from " + path + ": " + e.getMessage(), e);
        }
    }

    private NDArray loadInRowBlocks(FileChannel channel, TensorInfo info, NDManager manager) throws IOException {
        long rows = info.shape().get(0);
        long rowBytes = (info.end() - info.begin()) / rows;
        long rowsPerBlock = Math.max(1, MAX_MAPPING_BYTES / rowBytes);
        NDList blocks = new NDList();
        try {
            for (long row = 0; row < rows; row += rowsPerBlock) {
                long count = Math.min(rowsPerBlock, rows - row);
                Shape shape = new Shape(count).addAll(info.shape().slice(1));
                NDArray block =
                        map(channel, info.begin() + row * rowBytes, count * rowBytes, shape, info.dataType(), manager);
                blocks.add(block);
            }
            return NDArrays.concat(blocks, 0);
        } finally {
            blocks.close();
        }
    }

    private NDArray map(FileChannel channel, long offset, long bytes, Shape shape, DataType type, NDManager manager)
            throws IOException {
        ByteBuffer buffer = channel.map(FileChannel.MapMode.READ_ONLY, dataStart + offset, bytes)
                .order(ByteOrder.LITTLE_ENDIAN);
        if (ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN) {
            throw new ModelLoadException("safetensors weights are little-endian; this platform is not");
        }
        if (type == DataType.BFLOAT16) {
            return manager.create(widenBfloat16(buffer), shape);
        }
        return manager.create(buffer, shape, type);
    }

    /**
     * bfloat16 is the upper half of a float32, so widening is a 16-bit shift. Done on the host because
     * the DJL PyTorch bindings of this build abort on bfloat16 tensors.
     */
    static float[] widenBfloat16(ByteBuffer buffer) {
        float[] out = new float[buffer.remaining() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = Float.intBitsToFloat((buffer.getShort() & 0xFFFF) << 16);
        }
        return out;
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long pos = position;
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, pos);
            if (read < 0) {
                throw new IOException("unexpected end of file");
            }
            pos += read;
        }
    }
}
