package dev.gantry.engine.llama;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.gantry.engine.batch.CausalLanguageModel;
import dev.gantry.engine.batch.StepBatch;
import dev.gantry.engine.kv.KvCache;
import dev.gantry.engine.model.ModelConfig;
import dev.gantry.engine.model.WeightStore;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Llama-family decoder written with NDArray operations. One {@link #forward} handles any mix of rows
 * (a prefill of many tokens, or one new token per running sequence) in a fixed number of operations
 * per layer, which is what makes batching pay off.
 */
public final class LlamaModel implements CausalLanguageModel {
    private static final Logger LOG = LoggerFactory.getLogger(LlamaModel.class);

    private final ModelConfig config;
    private final NDManager manager;
    private final DataType dataType;
    private final NDArray embedding;
    private final NDArray outputT;
    private final NDArray finalNorm;
    private final List<LayerWeights> layers;
    private final NDArray cosTable;
    private final NDArray sinTable;
    private final NDArray rotateHalf;
    private final KvCache cache;
    private final int contextLength;

    private LlamaModel(
            ModelConfig config,
            NDManager manager,
            DataType dataType,
            LlamaWeightLoader loader,
            KvCache cache,
            int contextLength) {
        this.config = config;
        this.manager = manager;
        this.dataType = dataType;
        this.cache = cache;
        this.contextLength = contextLength;
        this.embedding = loader.embedding();
        this.outputT = loader.outputProjection(embedding).transpose();
        this.finalNorm = loader.finalNorm();
        this.layers = new ArrayList<>();
        for (int i = 0; i < config.numLayers(); i++) {
            layers.add(loader.layer(i));
        }
        double[] inv = RotaryFrequencies.inverseFrequencies(config, contextLength);
        Shape tableShape = new Shape(contextLength, config.headDim());
        this.cosTable = typed(manager.create(RotaryFrequencies.table(inv, contextLength, false), tableShape));
        this.sinTable = typed(manager.create(RotaryFrequencies.table(inv, contextLength, true), tableShape));
        int hd = config.headDim();
        this.rotateHalf = typed(manager.create(RotaryFrequencies.rotateHalfMatrix(hd), new Shape(hd, hd)));
    }

    /**
     * Loads the weights into {@code manager}'s device in {@code dataType} and allocates a KV cache of
     * {@code slots} sequences of up to {@code contextLength} tokens.
     */
    public static LlamaModel load(
            WeightStore store, ModelConfig config, NDManager manager, DataType dataType, int contextLength, int slots) {
        KvCache cache = new KvCache(
                manager,
                config.numLayers(),
                slots,
                contextLength,
                config.numKeyValueHeads(),
                config.headDim(),
                dataType);
        LlamaModel model =
                new LlamaModel(config, manager, dataType, new LlamaWeightLoader(store, config), cache, contextLength);
        if (!store.unused().isEmpty()) {
            LOG.warn(
                    "{} tensors in the weights are not used by the model, e.g. {}",
                    store.unused().size(),
                    store.unused().iterator().next());
        }
        return model;
    }

    private NDArray typed(NDArray array) {
        if (array.getDataType() == dataType) {
            return array;
        }
        NDArray converted = array.toType(dataType, false);
        array.close();
        return converted;
    }

    public KvCache cache() {
        return cache;
    }

    public ModelConfig config() {
        return config;
    }

    @Override
    public int vocabSize() {
        return config.vocabSize();
    }

    @Override
    public int maxContextLength() {
        return contextLength;
    }

    @Override
    public NDArray forward(StepBatch batch, NDManager step) {
        int rows = batch.size();
        int width = batch.width();
        int keys = batch.keyLength();
        int hd = config.headDim();
        NDArray positions = step.create(batch.positions(), new Shape(rows, width));
        Attention attention = new Attention(
                step.create(batch.writeIndices(cache.capacity(), cache.scratchBase())),
                step.create(batch.readIndices(cache.capacity()), new Shape(rows, keys)),
                cosTable.get(step, new NDIndex("{}", positions)).reshape(rows, width, 1, hd),
                sinTable.get(step, new NDIndex("{}", positions)).reshape(rows, width, 1, hd),
                mask(positions, rows, width, keys, step));
        NDArray tokens = step.create(batch.tokenIds(), new Shape(rows, width));
        NDArray x = embedding.get(step, new NDIndex("{}", tokens));
        for (int i = 0; i < layers.size(); i++) {
            x = layer(i, x, attention, rows, width, keys);
        }
        NDArray last = x.reshape(rows * width, config.hiddenSize())
                .get(new NDIndex("{}", step.create(batch.lastTokenIndices())));
        NDArray logits = rmsNorm(last, finalNorm).matMul(outputT);
        return logits.getDataType() == DataType.FLOAT32 ? logits : logits.toType(DataType.FLOAT32, false);
    }

    /** What attention needs in every layer of one pass, computed once per pass. */
    private record Attention(NDArray writeIndex, NDArray readIndex, NDArray cos, NDArray sin, NDArray mask) {}

    /** Additive mask {@code [rows, 1, 1, width, keys]}: 0 where a key is visible to a query, -inf elsewhere. */
    private NDArray mask(NDArray positions, int rows, int width, int keys, NDManager step) {
        NDArray keyPositions = step.arange(0, keys, 1, DataType.INT64).reshape(1, 1, keys);
        NDArray queryPositions = positions.reshape(rows, width, 1);
        NDArray visible = keyPositions.lte(queryPositions);
        if (config.slidingWindow() > 0) {
            visible = visible.logicalAnd(keyPositions.gt(queryPositions.sub(config.slidingWindow())));
        }
        NDArray blocked = step.full(new Shape(), Float.NEGATIVE_INFINITY, dataType);
        return NDArrays.where(visible, step.zeros(visible.getShape(), dataType), blocked)
                .reshape(rows, 1, 1, width, keys);
    }

    private NDArray layer(int index, NDArray x, Attention attention, int rows, int width, int keys) {
        LayerWeights w = layers.get(index);
        int heads = config.numHeads();
        int kvHeads = config.numKeyValueHeads();
        int group = config.groupSize();
        int hd = config.headDim();

        NDArray qkv =
                linear(rmsNorm(x, w.inputNorm()), w.qkvT(), w.qkvBias()).reshape(rows, width, heads + 2 * kvHeads, hd);
        NDList qkAndV = qkv.split(new long[] {heads + kvHeads}, 2);
        NDArray qk = qkAndV.get(0);
        qk = qk.mul(attention.cos()).add(qk.matMul(rotateHalf).mul(attention.sin()));
        NDList qAndK = qk.split(new long[] {heads}, 2);
        NDArray q = qAndK.get(0);

        NDArray keyCache = cache.keys(index);
        NDArray valueCache = cache.values(index);
        NDIndex write = new NDIndex("{}", attention.writeIndex());
        keyCache.set(write, qAndK.get(1).reshape(rows * width, kvHeads, hd));
        valueCache.set(write, qkAndV.get(1).reshape(rows * width, kvHeads, hd));
        NDIndex read = new NDIndex("{}", attention.readIndex());
        NDArray k = keyCache.get(q.getManager(), read); // [rows, keys, kvHeads, hd]
        NDArray v = valueCache.get(q.getManager(), read);

        NDArray qh = q.reshape(rows, width, kvHeads, group, hd)
                .transpose(0, 2, 3, 1, 4)
                .reshape(rows, kvHeads, group * width, hd);
        NDArray scores = qh.matMul(k.transpose(0, 2, 3, 1))
                .reshape(rows, kvHeads, group, width, keys)
                .add(attention.mask());
        NDArray probs = softmax(scores).reshape(rows, kvHeads, group * width, keys);
        NDArray context = probs.matMul(v.transpose(0, 2, 1, 3))
                .reshape(rows, kvHeads, group, width, hd)
                .transpose(0, 3, 1, 2, 4)
                .reshape(rows, width, heads * hd);
        NDArray h = x.add(linear(context, w.outT(), w.outBias()));

        NDList gateUp = linear(rmsNorm(h, w.postNorm()), w.gateUpT(), w.gateUpBias())
                .split(new long[] {config.intermediateSize()}, 2);
        NDArray gate = gateUp.get(0);
        NDArray activated = gate.mul(gate.getNDArrayInternal().sigmoid()).mul(gateUp.get(1));
        return h.add(linear(activated, w.downT(), w.downBias()));
    }

    private static NDArray linear(NDArray x, NDArray weightT, NDArray bias) {
        NDArray y = x.matMul(weightT);
        return bias == null ? y : y.add(bias);
    }

    /** Softmax over the last axis, in float32 as Hugging Face computes it for half-precision models. */
    private NDArray softmax(NDArray scores) {
        int axis = scores.getShape().dimension() - 1;
        if (dataType == DataType.FLOAT32) {
            return scores.softmax(axis);
        }
        return scores.toType(DataType.FLOAT32, false).softmax(axis).toType(dataType, false);
    }

    /** RMSNorm computed in float32, then scaled by the weight in the model's type. */
    private NDArray rmsNorm(NDArray x, NDArray weight) {
        NDArray xf = dataType == DataType.FLOAT32 ? x : x.toType(DataType.FLOAT32, false);
        int axis = xf.getShape().dimension() - 1;
        NDArray variance = xf.square().mean(new int[] {axis}, true);
        NDArray normed = xf.div(variance.add((float) config.rmsNormEps()).sqrt());
        if (dataType != DataType.FLOAT32) {
            normed = normed.toType(dataType, false);
        }
        return normed.mul(weight);
    }

    @Override
    public void close() {
        cache.close();
        manager.close();
    }
}
