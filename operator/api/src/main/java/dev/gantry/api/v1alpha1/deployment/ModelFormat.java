package dev.gantry.api.v1alpha1.deployment;

/** On-disk format of the model weights. */
public enum ModelFormat {
    Safetensors,
    TorchScript
}
