package dev.gantry.engine.sampling;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;

/**
 * Picks the next token of every row of a batch from its logits, on the device: penalties, constraint
 * masks, then greedy argmax or temperature / top-k / top-p sampling. Sampling uses inverse-CDF draws
 * over the sorted distribution with one uniform number per row from the row's own random stream, so a
 * seeded sequence is reproducible in any batch. Only {@code rows} token ids come back to the host.
 */
public final class BatchSampler {
    private final int vocabSize;
    private final DeviceMasks masks;
    private final MaskObserver observer;

    public BatchSampler(NDManager manager, int vocabSize, int[] endOfSequence, MaskObserver observer) {
        this.vocabSize = vocabSize;
        this.masks = new DeviceMasks(manager, vocabSize, endOfSequence);
        this.observer = observer;
    }

    /** Words per row of a {@link TokenMask}: {@code ceil(vocabSize / 32)}. */
    public int maskWords() {
        return masks.wordsPerRow();
    }

    /** The next token of each row; {@code logits} is float32 {@code [rows, vocab]}. */
    public int[] sample(NDArray logits, List<SamplingState> rows, NDManager step) {
        NDArray adjusted = DevicePenalties.apply(logits, rows, vocabSize, step);
        adjusted = masks.apply(adjusted, rows, step, observer);
        boolean anySampled = rows.stream().anyMatch(r -> !r.params().greedy());
        NDArray greedy = adjusted.argMax(1);
        NDArray picked = anySampled ? NDArrays.stack(new NDList(greedy, draw(adjusted, rows, step))) : greedy;
        long[] ids = picked.toType(DataType.INT64, false).toLongArray();
        int[] tokens = new int[rows.size()];
        for (int b = 0; b < rows.size(); b++) {
            tokens[b] = (int) (rows.get(b).params().greedy() ? ids[b] : ids[rows.size() + b]);
        }
        return tokens;
    }

    private NDArray draw(NDArray logits, List<SamplingState> rows, NDManager step) {
        int n = rows.size();
        float[] temperature = new float[n];
        float[] topP = new float[n];
        long[] topK = new long[n];
        float[] uniform = new float[n];
        int kMax = 1;
        boolean anyTopP = false;
        for (int b = 0; b < n; b++) {
            SamplingParams p = rows.get(b).params();
            temperature[b] = p.greedy() ? 1f : (float) p.temperature();
            topK[b] = p.topK() > 0 ? Math.min(p.topK(), vocabSize) : vocabSize;
            topP[b] = (float) p.topP();
            anyTopP |= !p.greedy() && p.topP() < 1;
            if (!p.greedy()) {
                kMax = (int) Math.max(kMax, topK[b]);
                uniform[b] = (float) rows.get(b).nextUniform();
            }
        }
        NDList top = logits.div(step.create(temperature, new Shape(n, 1))).topK(kMax, 1, true, true);
        NDArray values = top.get(0);
        NDArray keep = step.arange(0, kMax, 1, DataType.INT64).reshape(1, kMax).lt(step.create(topK, new Shape(n, 1)));
        values = NDArrays.where(keep, values, step.full(new Shape(), Float.NEGATIVE_INFINITY, DataType.FLOAT32));
        NDArray probs = values.softmax(1);
        if (anyTopP) {
            NDArray before = probs.cumSum(1).sub(probs);
            NDArray inNucleus = before.lt(step.create(topP, new Shape(n, 1)));
            probs = NDArrays.where(inNucleus, probs, step.zeros(new Shape(), DataType.FLOAT32));
        }
        NDArray cumulative = probs.cumSum(1);
        NDArray target = step.create(uniform, new Shape(n, 1)).mul(cumulative.get(new NDIndex(":, -1:")));
        NDArray choice =
                cumulative.lt(target).sum(new int[] {1}).clip(0, kMax - 1).reshape(n, 1);
        return top.get(1).gather(choice.toType(DataType.INT64, false), 1).reshape(n);
    }
}
