package dev.gantry.api.v1alpha1.deployment;

/** Part a revision plays. */
public enum RevisionRole {
    Stable,
    Candidate,
    Retiring
}
