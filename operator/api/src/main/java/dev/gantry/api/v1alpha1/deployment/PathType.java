package dev.gantry.api.v1alpha1.deployment;

/** How an Ingress path matches. */
public enum PathType {
    Prefix,
    Exact,
    ImplementationSpecific
}
