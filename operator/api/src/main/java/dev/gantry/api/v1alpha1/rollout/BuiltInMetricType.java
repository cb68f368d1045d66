package dev.gantry.api.v1alpha1.rollout;

/** A measurement the operator computes from the runtime's own Prometheus metrics. */
public enum BuiltInMetricType {
    ErrorRate,
    LatencyP95,
    LatencyP99,
    TimeToFirstTokenP95,
    TokensPerSecond,
    StructuredOutputValidity
}
