package dev.gantry.constraints;

/**
 * In which order generated JSON objects list their properties. {@link #DECLARED} (the default):
 * the order of {@code properties} in the schema, each at most once, additional properties after them;
 * {@link #ANY}: any order (bounded by {@code ConstraintOptions.maxAnyOrderProperties}).
 */
public enum PropertyOrder {
    DECLARED,
    ANY
}
