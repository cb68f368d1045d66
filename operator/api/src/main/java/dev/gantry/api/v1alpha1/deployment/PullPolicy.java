package dev.gantry.api.v1alpha1.deployment;

/** When the kubelet pulls the image. */
public enum PullPolicy {
    Always,
    IfNotPresent,
    Never
}
