package dev.gantry.operator.modeldeployment.dependent;

import dev.gantry.api.v1alpha1.ModelDeployment;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Objects;

/** Whether an object belongs to a ModelDeployment: an owner reference with its uid, nothing weaker. */
public final class Ownership {

    private Ownership() {}

    public static boolean ownedBy(HasMetadata object, ModelDeployment md) {
        var owners = object.getMetadata().getOwnerReferences();
        return owners != null
                && owners.stream()
                        .anyMatch(ref ->
                                Objects.equals(ref.getUid(), md.getMetadata().getUid()));
    }

    public static void require(HasMetadata object, ModelDeployment md) {
        if (!ownedBy(object, md)) {
            throw new ResourceConflictException(object, md.getMetadata().getName());
        }
    }
}
