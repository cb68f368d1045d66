package dev.gantry.operator.traffic;

/**
 * A Service that receives a share of router traffic.
 *
 * @param service Service name in the ModelDeployment's namespace
 * @param weight relative weight, 0 to 100
 */
public record WeightedBackend(String service, int weight) {}
