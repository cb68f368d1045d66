package dev.gantry.api.v1alpha1.rollout;

/** How traffic is split between stable and candidate. */
public enum TrafficRouter {
    GatewayAPI,
    IngressNginx,
    ReplicaRatio
}
