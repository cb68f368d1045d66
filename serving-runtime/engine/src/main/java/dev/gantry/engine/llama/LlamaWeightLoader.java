package dev.gantry.engine.llama;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import dev.gantry.engine.model.ModelConfig;
import dev.gantry.engine.model.ModelLoadException;
import dev.gantry.engine.model.WeightStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads Hugging Face Llama-family tensor names into fused, transposed {@link LayerWeights}. */
final class LlamaWeightLoader {
    private static final Logger LOG = LoggerFactory.getLogger(LlamaWeightLoader.class);

    private final WeightStore store;
    private final ModelConfig config;

    LlamaWeightLoader(WeightStore store, ModelConfig config) {
        this.store = store;
        this.config = config;
    }

    NDArray embedding() {
        return checked("model.embed_tokens.weight", config.vocabSize(), config.hiddenSize());
    }

    /** The output projection, {@code [vocab, hidden]}: the embedding when weights are tied. */
    NDArray outputProjection(NDArray embedding) {
        if (config.tieWordEmbeddings()) {
            return embedding;
        }
        if (!store.contains("lm_head.weight")) {
            LOG.warn("config.json says tie_word_embeddings=false but there is no lm_head.weight; using the embedding");
            return embedding;
        }
        return checked("lm_head.weight", config.vocabSize(), config.hiddenSize());
    }

    NDArray finalNorm() {
        return checked("model.norm.weight", config.hiddenSize());
    }

    LayerWeights layer(int index) {
        String p = "model.layers." + index + ".";
        int hd = config.headDim();
        int qRows = config.numHeads() * hd;
        int kvRows = config.numKeyValueHeads() * hd;
        int hidden = config.hiddenSize();
        float scale = (float) (1.0 / Math.sqrt(hd));

        NDArray qkv = fuse(
                scaled(checked(p + "self_attn.q_proj.weight", qRows, hidden), scale),
                checked(p + "self_attn.k_proj.weight", kvRows, hidden),
                checked(p + "self_attn.v_proj.weight", kvRows, hidden));
        NDArray qkvBias = config.qkvBias()
                ? fuse(
                        scaled(checked(p + "self_attn.q_proj.bias", qRows), scale),
                        checked(p + "self_attn.k_proj.bias", kvRows),
                        checked(p + "self_attn.v_proj.bias", kvRows))
                : null;
        NDArray out = checked(p + "self_attn.o_proj.weight", hidden, qRows);
        NDArray outBias = config.outputBias() ? checked(p + "self_attn.o_proj.bias", hidden) : null;
        int inter = config.intermediateSize();
        NDArray gateUp = fuse(
                checked(p + "mlp.gate_proj.weight", inter, hidden), checked(p + "mlp.up_proj.weight", inter, hidden));
        NDArray gateUpBias = config.mlpBias()
                ? fuse(checked(p + "mlp.gate_proj.bias", inter), checked(p + "mlp.up_proj.bias", inter))
                : null;
        NDArray down = checked(p + "mlp.down_proj.weight", hidden, inter);
        NDArray downBias = config.mlpBias() ? checked(p + "mlp.down_proj.bias", hidden) : null;
        return new LayerWeights(
                checked(p + "input_layernorm.weight", hidden),
                qkv.transpose(),
                qkvBias,
                out.transpose(),
                outBias,
                checked(p + "post_attention_layernorm.weight", hidden),
                gateUp.transpose(),
                gateUpBias,
                down.transpose(),
                downBias);
    }

    private NDArray checked(String name, long... shape) {
        NDArray array = store.load(name);
        if (!array.getShape().equals(new Shape(shape))) {
            throw new ModelLoadException("tensor " + name + " has shape " + array.getShape()
                    + " but config.json implies " + new Shape(shape));
        }
        return array;
    }

    private static NDArray scaled(NDArray array, float scale) {
        NDArray result = array.mul(scale);
        array.close();
        return result;
    }

    private static NDArray fuse(NDArray... parts) {
        NDList list = new NDList(parts);
        NDArray fused = NDArrays.concat(list, 0);
        list.close();
        return fused;
    }
}
