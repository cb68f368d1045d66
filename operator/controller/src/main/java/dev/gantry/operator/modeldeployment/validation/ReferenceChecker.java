package dev.gantry.operator.modeldeployment.validation;

import dev.gantry.api.v1alpha1.ModelDeployment;
import dev.gantry.api.v1alpha1.SecretKeyRef;
import dev.gantry.operator.modeldeployment.status.Reason;
import dev.gantry.operator.render.ModelLocation;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks that what a ModelDeployment refers to exists: Secrets (and their keys), PersistentVolumeClaims and a
 * named ServiceAccount. One {@code get} per reference; the operator never lists or caches users' Secrets.
 */
public final class ReferenceChecker {

    private final KubernetesClient client;

    public ReferenceChecker(KubernetesClient client) {
        this.client = client;
    }

    public List<SpecProblem> check(ModelDeployment md) {
        var problems = new ArrayList<SpecProblem>();
        var namespace = md.getMetadata().getNamespace();
        var spec = md.getSpec();
        var model = spec.getModel();
        claim("spec.model.uri", model.getUri(), namespace, problems);
        if (model.getTokenizerUri() != null) {
            claim("spec.model.tokenizerUri", model.getTokenizerUri(), namespace, problems);
        }
        if (model.getCredentialsSecretRef() != null) {
            secretKey("spec.model.credentialsSecretRef", model.getCredentialsSecretRef(), namespace, problems);
        }
        if (spec.getAuth() != null) {
            var name = spec.getAuth().getApiKeysSecretRef().getName();
            if (secret(namespace, name) == null) {
                problems.add(missingSecret("spec.auth.apiKeysSecretRef.name", name, namespace));
            }
        }
        var cache = spec.getCache();
        if (cache != null && cache.getExternal() != null && cache.getExternal().getPasswordSecretRef() != null) {
            secretKey(
                    "spec.cache.external.passwordSecretRef",
                    cache.getExternal().getPasswordSecretRef(),
                    namespace,
                    problems);
        }
        var runtime = spec.getRuntime();
        if (runtime != null && runtime.getImagePullSecrets() != null) {
            for (int i = 0; i < runtime.getImagePullSecrets().size(); i++) {
                var name = runtime.getImagePullSecrets().get(i).getName();
                if (name != null && secret(namespace, name) == null) {
                    problems.add(missingSecret("spec.runtime.imagePullSecrets[" + i + "].name", name, namespace));
                }
            }
        }
        if (runtime != null && runtime.getServiceAccountName() != null) {
            var name = runtime.getServiceAccountName();
            if (client.serviceAccounts().inNamespace(namespace).withName(name).get() == null) {
                problems.add(new SpecProblem(
                        "spec.runtime.serviceAccountName",
                        Reason.ServiceAccountNotFound,
                        "ServiceAccount " + name + " does not exist in namespace " + namespace));
            }
        }
        return problems;
    }

    private void claim(String field, String uri, String namespace, List<SpecProblem> problems) {
        if (!uri.startsWith("pvc://")) {
            return;
        }
        var claim = ModelLocation.parse(uri).claim();
        if (client.persistentVolumeClaims()
                        .inNamespace(namespace)
                        .withName(claim)
                        .get()
                == null) {
            problems.add(new SpecProblem(
                    field,
                    Reason.PersistentVolumeClaimNotFound,
                    "PersistentVolumeClaim " + claim + " does not exist in namespace " + namespace
                            + "; create it or fix the URI"));
        }
    }

    private void secretKey(String field, SecretKeyRef ref, String namespace, List<SpecProblem> problems) {
        var secret = secret(namespace, ref.getName());
        if (secret == null) {
            problems.add(missingSecret(field + ".name", ref.getName(), namespace));
        } else if (!hasKey(secret, ref.getKey())) {
            problems.add(new SpecProblem(
                    field + ".key", Reason.SecretNotFound, "Secret " + ref.getName() + " has no key " + ref.getKey()));
        }
    }

    private Secret secret(String namespace, String name) {
        return client.secrets().inNamespace(namespace).withName(name).get();
    }

    private static boolean hasKey(Secret secret, String key) {
        return (secret.getData() != null && secret.getData().containsKey(key))
                || (secret.getStringData() != null && secret.getStringData().containsKey(key));
    }

    private static SpecProblem missingSecret(String field, String name, String namespace) {
        return new SpecProblem(
                field,
                Reason.SecretNotFound,
                "Secret " + name + " does not exist in namespace " + namespace + "; create it, then wait");
    }
}
