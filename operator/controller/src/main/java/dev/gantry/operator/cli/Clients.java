package dev.gantry.operator.cli;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

/** How the cluster commands get a client: from the kubeconfig as kubectl does, or a test's client. */
@FunctionalInterface
interface Clients {

    KubernetesClient connect(ClusterOptions options);

    /** The kubeconfig (or in-cluster configuration), honouring {@code --kubeconfig} and {@code --context}. */
    static Clients fromKubeconfig() {
        return options -> {
            if (options.kubeconfig != null) {
                System.setProperty(Config.KUBERNETES_KUBECONFIG_FILE, options.kubeconfig);
            }
            return new KubernetesClientBuilder()
                    .withConfig(Config.autoConfigure(options.context))
                    .build();
        };
    }
}
