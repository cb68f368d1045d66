package dev.gantry.api.v1alpha1.deployment;

/** Numeric type the weights are computed in. */
public enum ModelDtype {
    Auto,
    Float32,
    Float16,
    BFloat16
}
