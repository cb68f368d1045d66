package dev.gantry.api.v1alpha1.rollout;

/** What an empty or NaN measurement counts as. */
public enum InconclusivePolicy {
    Pause,
    Fail,
    Pass
}
