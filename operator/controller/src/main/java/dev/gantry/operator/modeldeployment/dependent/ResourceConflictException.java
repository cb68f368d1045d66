package dev.gantry.operator.modeldeployment.dependent;

import io.fabric8.kubernetes.api.model.HasMetadata;

/** An object with a child's name exists and belongs to someone else: the operator leaves it alone. */
public final class ResourceConflictException extends RuntimeException {

    private final String kind;
    private final String name;

    public ResourceConflictException(HasMetadata existing, String owner) {
        super(existing.getKind() + " " + existing.getMetadata().getName() + " already exists and is not owned by "
                + "ModelDeployment " + owner + "; the operator will not change it. Delete or rename it, or rename"
                + " the ModelDeployment");
        this.kind = existing.getKind();
        this.name = existing.getMetadata().getName();
    }

    public String kind() {
        return kind;
    }

    public String name() {
        return name;
    }
}
