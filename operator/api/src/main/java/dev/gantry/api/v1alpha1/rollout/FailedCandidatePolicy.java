package dev.gantry.api.v1alpha1.rollout;

/** What happens to a failed candidate's pods. */
public enum FailedCandidatePolicy {
    ScaleToZero,
    Keep
}
