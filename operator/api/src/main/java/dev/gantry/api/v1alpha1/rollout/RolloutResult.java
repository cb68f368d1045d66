package dev.gantry.api.v1alpha1.rollout;

/** How a rollout ended. */
public enum RolloutResult {
    Succeeded,
    RolledBack,
    Aborted,
    Failed
}
