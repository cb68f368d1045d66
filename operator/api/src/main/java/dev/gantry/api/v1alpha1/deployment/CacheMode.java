package dev.gantry.api.v1alpha1.deployment;

/** Where the response cache lives. */
public enum CacheMode {
    Managed,
    External,
    Disabled
}
