package dev.gantry.api.v1alpha1.deployment;

/** Kubernetes Service type. */
public enum ServiceType {
    ClusterIP,
    NodePort,
    LoadBalancer
}
