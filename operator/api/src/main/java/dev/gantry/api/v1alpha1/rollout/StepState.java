package dev.gantry.api.v1alpha1.rollout;

/** Progress of one step. */
public enum StepState {
    Pending,
    Current,
    Completed
}
