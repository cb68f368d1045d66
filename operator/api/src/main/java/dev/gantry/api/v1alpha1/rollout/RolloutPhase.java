package dev.gantry.api.v1alpha1.rollout;

/** Where a rollout stands. */
public enum RolloutPhase {
    Idle,
    Progressing,
    Paused,
    Promoting,
    Succeeded,
    RolledBack,
    Failed
}
