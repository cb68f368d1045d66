package dev.gantry.operator.modeldeployment.validation;

import dev.gantry.operator.modeldeployment.status.Reason;

/**
 * Something a person must fix in a ModelDeployment or next to it.
 *
 * @param field the field path, e.g. {@code spec.auth.apiKeysSecretRef.name}
 * @param reason the condition reason
 * @param message what is wrong and what to do, for humans
 */
public record SpecProblem(String field, Reason reason, String message) {

    /** One line for conditions and Events: the field, then the message. */
    public String describe() {
        return field + ": " + message;
    }
}
