package dev.gantry.operator.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import picocli.CommandLine.Option;

/** The kubectl-style options of every command that talks to a cluster. */
final class ClusterOptions {

    @Option(
            names = {"-n", "--namespace"},
            description = "Namespace (default: the kubeconfig context's namespace, else default).")
    String namespace;

    @Option(names = "--context", description = "Kubeconfig context (default: the current context).")
    String context;

    @Option(names = "--kubeconfig", description = "Kubeconfig file (default: $KUBECONFIG, else ~/.kube/config).")
    String kubeconfig;

    String namespace(KubernetesClient client) {
        if (namespace != null && !namespace.isBlank()) {
            return namespace;
        }
        var configured = client.getConfiguration().getNamespace();
        return configured == null || configured.isBlank() ? "default" : configured;
    }
}
