package dev.gantry.api.v1alpha1.deployment;

/** Accelerator the runtime computes on. */
public enum Device {
    CPU,
    GPU
}
