package dev.gantry.engine.sampling;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.List;

/**
 * Applies the constraint masks of a batch to its logits on the device. The host fills
 * {@code rows * ceil(vocab / 32)} packed int32 words (all ones for an unconstrained row) and uploads only
 * those; the device expands each word to 32 booleans with a remainder-and-compare against powers of two
 * and sets disallowed logits to -inf. The logits never leave the device.
 */
final class DeviceMasks {
    private final int vocabSize;
    private final int words;
    private final int[] endOfSequence;
    private final NDArray modulus;
    private final NDArray threshold;

    DeviceMasks(NDManager manager, int vocabSize, int[] endOfSequence) {
        this.vocabSize = vocabSize;
        this.words = (vocabSize + 31) >>> 5;
        this.endOfSequence = endOfSequence.clone();
        long[] mod = new long[32];
        long[] bit = new long[32];
        for (int i = 0; i < 32; i++) {
            bit[i] = 1L << i;
            mod[i] = 1L << (i + 1);
        }
        // Bit i of a word w is set exactly when floorMod(w, 2^(i+1)) >= 2^i; floorMod of the sign-extended
        // int64 value equals the low bits of the int32 two's complement word, so negative words work too.
        this.modulus = manager.create(mod, new Shape(1, 1, 32));
        this.threshold = manager.create(bit, new Shape(1, 1, 32));
    }

    int wordsPerRow() {
        return words;
    }

    /** Returns the logits with the masks applied, or the same logits when no row has a mask. */
    NDArray apply(NDArray logits, List<SamplingState> rows, NDManager step, MaskObserver observer) {
        if (rows.stream().allMatch(r -> r.mask() == null)) {
            return logits;
        }
        int[] packed = new int[rows.size() * words];
        int[] row = new int[words];
        for (int b = 0; b < rows.size(); b++) {
            fillRow(rows.get(b), row, observer);
            System.arraycopy(row, 0, packed, b * words, words);
        }
        NDArray bits = step.create(packed, new Shape(rows.size(), words, 1))
                .toType(DataType.INT64, false)
                .mod(modulus)
                .gte(threshold)
                .reshape(rows.size(), (long) words * 32);
        NDArray allowed = words * 32 == vocabSize ? bits : bits.get(new NDIndex(":, :{}", vocabSize));
        NDArray blocked = step.full(new Shape(), Float.NEGATIVE_INFINITY, logits.getDataType());
        return NDArrays.where(allowed, logits, blocked);
    }

    private void fillRow(SamplingState state, int[] row, MaskObserver observer) {
        TokenMask mask = state.mask();
        if (mask == null) {
            Arrays.fill(row, -1);
            return;
        }
        Arrays.fill(row, 0);
        long start = System.nanoTime();
        boolean complete = mask.isComplete();
        if (!complete) {
            mask.fillAllowed(row);
        }
        observer.maskComputed(System.nanoTime() - start);
        if (complete || isEmpty(row)) {
            if (!complete) {
                state.markMaskDeadEnd();
            }
            Arrays.fill(row, 0);
            for (int eos : endOfSequence) {
                row[eos >>> 5] |= 1 << (eos & 31);
            }
        }
    }

    private static boolean isEmpty(int[] row) {
        for (int word : row) {
            if (word != 0) {
                return false;
            }
        }
        return true;
    }
}
