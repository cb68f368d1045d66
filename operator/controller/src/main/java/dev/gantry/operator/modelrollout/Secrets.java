package dev.gantry.operator.modelrollout;

import dev.gantry.operator.analysis.SecretLookup;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Reads Secrets with one {@code get} each, when a check needs one; they are never cached or logged. */
final class Secrets implements SecretLookup {

    private final KubernetesClient client;

    Secrets(KubernetesClient client) {
        this.client = client;
    }

    @Override
    public Optional<String> value(String namespace, String secret, String key) {
        return Optional.ofNullable(decoded(namespace, secret).get(key));
    }

    /** Every value of a Secret, in key order; empty when it does not exist. */
    List<String> values(String namespace, String secret) {
        return List.copyOf(decoded(namespace, secret).values());
    }

    private Map<String, String> decoded(String namespace, String name) {
        Secret secret = client.secrets().inNamespace(namespace).withName(name).get();
        var result = new TreeMap<String, String>();
        if (secret == null) {
            return result;
        }
        if (secret.getData() != null) {
            secret.getData()
                    .forEach((k, v) ->
                            result.put(k, new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8)));
        }
        if (secret.getStringData() != null) {
            result.putAll(secret.getStringData());
        }
        return result;
    }
}
