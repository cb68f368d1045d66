package dev.gantry.local.node;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Optional;

/** The objects a kubelet reads to start a container: ConfigMaps and Secrets, fetched when needed, never cached. */
final class ClusterObjects {

    private final KubernetesClient client;

    ClusterObjects(KubernetesClient client) {
        this.client = client;
    }

    Optional<ConfigMap> configMap(String namespace, String name) {
        return Optional.ofNullable(
                client.configMaps().inNamespace(namespace).withName(name).get());
    }

    Optional<Secret> secret(String namespace, String name) {
        return Optional.ofNullable(
                client.secrets().inNamespace(namespace).withName(name).get());
    }

    /** A Secret's data, decoded; {@code stringData} as a real API server would have merged it. */
    static java.util.Map<String, String> data(Secret secret) {
        var result = new java.util.TreeMap<String, String>();
        if (secret.getData() != null) {
            secret.getData()
                    .forEach((key, value) -> result.put(
                            key,
                            new String(
                                    java.util.Base64.getDecoder().decode(value),
                                    java.nio.charset.StandardCharsets.UTF_8)));
        }
        if (secret.getStringData() != null) {
            result.putAll(secret.getStringData());
        }
        return result;
    }

    static java.util.Map<String, String> data(ConfigMap configMap) {
        return configMap.getData() == null ? java.util.Map.of() : configMap.getData();
    }
}
