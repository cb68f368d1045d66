package dev.gantry.operator.cli;

import io.fabric8.kubernetes.client.KubernetesClientException;

/** API errors in the words a kubectl user expects. */
final class Errors {

    private Errors() {}

    static String describe(KubernetesClientException e) {
        var status = e.getStatus();
        var message = status != null && status.getMessage() != null ? status.getMessage() : e.getMessage();
        return switch (e.getCode()) {
            case 401 -> "not authenticated to the cluster (" + message + ")";
            case 403 ->
                "forbidden: " + message
                        + " (managing rollouts needs get and patch on modelrollouts.gantry.dev; see docs/security.md)";
            case 0 -> "cannot reach the cluster: " + message;
            default -> message;
        };
    }
}
