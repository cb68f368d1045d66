package dev.gantry.api.v1alpha1.deployment;

/**
 * Numeric type the weights are computed in. There is no bfloat16: the PyTorch bindings of the bundled
 * runtime (DJL 0.35) abort on bfloat16 tensors. bfloat16 checkpoints still load; they are converted.
 */
public enum ModelDtype {
    Auto,
    Float32,
    Float16
}
