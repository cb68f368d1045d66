package dev.gantry.engine.llama;

import ai.djl.ndarray.NDArray;

/**
 * One decoder layer's weights as the forward pass uses them: projections transposed to
 * {@code [in, out]}, q/k/v fused into one matrix (the query part pre-scaled by {@code 1/sqrt(headDim)}),
 * gate and up fused into another. Biases are null when the model has none.
 */
record LayerWeights(
        NDArray inputNorm,
        NDArray qkvT,
        NDArray qkvBias,
        NDArray outT,
        NDArray outBias,
        NDArray postNorm,
        NDArray gateUpT,
        NDArray gateUpBias,
        NDArray downT,
        NDArray downBias) {}
