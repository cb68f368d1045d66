package dev.gantry.api.v1alpha1.deployment;

/** A kind of constrained generation a client may ask for. */
public enum ConstraintKind {
    Choice,
    Regex,
    Json,
    JsonSchema,
    Grammar
}
