package dev.gantry.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * All weights of a model directory: {@code model.safetensors}, or the shards listed by
 * {@code model.safetensors.index.json}, or every {@code *.safetensors} file when there is no index.
 * Tensors are loaded by name onto the target device in the target data type (bfloat16 weights pass
 * through float32 on the way).
 */
public final class WeightStore {
    private final Map<String, SafetensorsFile> fileByTensor;
    private final NDManager manager;
    private final DataType dataType;
    private final Set<String> loaded = new LinkedHashSet<>();

    private WeightStore(Map<String, SafetensorsFile> fileByTensor, NDManager manager, DataType dataType) {
        this.fileByTensor = fileByTensor;
        this.manager = manager;
        this.dataType = dataType;
    }

    public static WeightStore open(Path modelDir, NDManager manager, DataType dataType) {
        Map<String, SafetensorsFile> byTensor = new LinkedHashMap<>();
        for (Path file : shardFiles(modelDir)) {
            SafetensorsFile shard = SafetensorsFile.open(file);
            shard.tensors().keySet().forEach(name -> byTensor.put(name, shard));
        }
        return new WeightStore(byTensor, manager, dataType);
    }

    static List<Path> shardFiles(Path modelDir) {
        Path index = modelDir.resolve("model.safetensors.index.json");
        if (Files.isRegularFile(index)) {
            JsonNode weightMap = JsonFiles.read(index).path("weight_map");
            Set<String> names = new LinkedHashSet<>();
            for (Iterator<JsonNode> it = weightMap.elements(); it.hasNext(); ) {
                names.add(it.next().asText());
            }
            if (names.isEmpty()) {
                throw new ModelLoadException("model.safetensors.index.json has an empty weight_map");
            }
            List<Path> files = names.stream().map(modelDir::resolve).toList();
            for (Path file : files) {
                if (!Files.isRegularFile(file)) {
                    throw new ModelLoadException(
                            "model.safetensors.index.json lists " + file.getFileName() + ", which is missing");
                }
            }
            return files;
        }
        Path single = modelDir.resolve("model.safetensors");
        if (Files.isRegularFile(single)) {
            return List.of(single);
        }
        try (Stream<Path> files = Files.list(modelDir)) {
            List<Path> all = files.filter(p -> p.getFileName().toString().endsWith(".safetensors"))
                    .sorted()
                    .toList();
            if (all.isEmpty()) {
                throw new ModelLoadException("model directory " + modelDir + " has no *.safetensors weights");
            }
            return all;
        } catch (IOException e) {
            throw new ModelLoadException("cannot list " + modelDir + ": " + e.getMessage(), e);
        }
    }

    public boolean contains(String name) {
        return fileByTensor.containsKey(name);
    }

    /** Loads a tensor on the target device, converted to the target type when it is a float tensor. */
    public NDArray load(String name) {
        SafetensorsFile file = fileByTensor.get(name);
        if (file == null) {
            throw new ModelLoadException("the weights have no tensor named " + name);
        }
        loaded.add(name);
        NDArray array = file.load(name, manager);
        if (array.getDataType() != dataType && array.getDataType().isFloating()) {
            NDArray converted = array.toType(dataType, false);
            array.close();
            return converted;
        }
        return array;
    }

    /** Tensors in the files that the model never asked for (reported, not fatal). */
    public Set<String> unused() {
        Set<String> rest = new LinkedHashSet<>(fileByTensor.keySet());
        rest.removeAll(loaded);
        return rest;
    }
}
