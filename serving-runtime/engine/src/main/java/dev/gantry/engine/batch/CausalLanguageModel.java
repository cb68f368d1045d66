package dev.gantry.engine.batch;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/** A decoder-only language model that reads and extends a slot-based KV cache. */
public interface CausalLanguageModel extends AutoCloseable {

    /**
     * Runs one forward pass: appends every row's new tokens to its KV cache slot and returns the
     * next-token logits of each row's last token, float32 {@code [rows, vocab]}, on the device.
     * Everything the pass creates is attached to {@code step}.
     */
    NDArray forward(StepBatch batch, NDManager step);

    int vocabSize();

    /** Longest prompt plus output a sequence may reach. */
    int maxContextLength();

    @Override
    void close();
}
