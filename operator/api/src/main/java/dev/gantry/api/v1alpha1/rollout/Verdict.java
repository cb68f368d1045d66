package dev.gantry.api.v1alpha1.rollout;

/** Outcome of one measurement. */
public enum Verdict {
    Passed,
    Failed,
    Inconclusive,
    Error
}
