package dev.gantry.local.node;

/**
 * A container that cannot be started as its spec says, with the kubelet's waiting reason: a missing Secret or key
 * ({@code CreateContainerConfigError}), an image local mode cannot run ({@code ErrImagePull}), a volume it cannot
 * provide ({@code ContainerCreating}).
 */
final class ContainerConfigException extends Exception {

    static final String CONFIG_ERROR = "CreateContainerConfigError";
    static final String IMAGE_PULL = "ErrImagePull";
    static final String CREATING = "ContainerCreating";

    private final String reason;

    ContainerConfigException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    String reason() {
        return reason;
    }
}
