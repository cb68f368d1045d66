package dev.gantry.local.node;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.ObjectFieldSelector;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A container's environment as the kubelet builds it: {@code envFrom} ConfigMaps and Secrets first, then
 * {@code env} in order (values, {@code $(VAR)} references, Secret and ConfigMap keys, pod fields), later entries
 * winning. A missing Secret, ConfigMap or key that is not optional fails the container with the kubelet's message.
 */
final class EnvResolver {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_.-]*)\\)|\\$\\$");

    private final ClusterObjects objects;

    EnvResolver(ClusterObjects objects) {
        this.objects = objects;
    }

    /** The pod fields a {@code fieldRef} may name. */
    record PodFields(String namespace, String name, String uid, Map<String, String> labels, String serviceAccount) {}

    Map<String, String> resolve(Container container, PodFields pod) throws ContainerConfigException {
        var env = new LinkedHashMap<String, String>();
        if (container.getEnvFrom() != null) {
            for (var source : container.getEnvFrom()) {
                var prefix = source.getPrefix() == null ? "" : source.getPrefix();
                if (source.getConfigMapRef() != null) {
                    var ref = source.getConfigMapRef();
                    var configMap = objects.configMap(pod.namespace(), ref.getName());
                    if (configMap.isEmpty() && !Boolean.TRUE.equals(ref.getOptional())) {
                        throw config("configmap \"" + ref.getName() + "\" not found");
                    }
                    configMap.ifPresent(c -> ClusterObjects.data(c).forEach((k, v) -> env.put(prefix + k, v)));
                }
                if (source.getSecretRef() != null) {
                    var ref = source.getSecretRef();
                    var secret = objects.secret(pod.namespace(), ref.getName());
                    if (secret.isEmpty() && !Boolean.TRUE.equals(ref.getOptional())) {
                        throw config("secret \"" + ref.getName() + "\" not found");
                    }
                    secret.ifPresent(s -> ClusterObjects.data(s).forEach((k, v) -> env.put(prefix + k, v)));
                }
            }
        }
        if (container.getEnv() != null) {
            for (var variable : container.getEnv()) {
                var value = value(variable, pod, env);
                if (value != null) {
                    env.put(variable.getName(), value);
                }
            }
        }
        return env;
    }

    private String value(EnvVar variable, PodFields pod, Map<String, String> sofar) throws ContainerConfigException {
        if (variable.getValueFrom() == null) {
            return expand(variable.getValue() == null ? "" : variable.getValue(), sofar);
        }
        var from = variable.getValueFrom();
        if (from.getSecretKeyRef() != null) {
            var ref = from.getSecretKeyRef();
            boolean optional = Boolean.TRUE.equals(ref.getOptional());
            var secret = objects.secret(pod.namespace(), ref.getName());
            if (secret.isEmpty()) {
                return optional ? null : fail("secret \"" + ref.getName() + "\" not found");
            }
            var data = ClusterObjects.data(secret.get());
            if (!data.containsKey(ref.getKey())) {
                return optional
                        ? null
                        : fail("couldn't find key " + ref.getKey() + " in Secret " + pod.namespace() + "/"
                                + ref.getName());
            }
            return data.get(ref.getKey());
        }
        if (from.getConfigMapKeyRef() != null) {
            var ref = from.getConfigMapKeyRef();
            boolean optional = Boolean.TRUE.equals(ref.getOptional());
            var configMap = objects.configMap(pod.namespace(), ref.getName());
            if (configMap.isEmpty()) {
                return optional ? null : fail("configmap \"" + ref.getName() + "\" not found");
            }
            var data = ClusterObjects.data(configMap.get());
            if (!data.containsKey(ref.getKey())) {
                return optional
                        ? null
                        : fail("couldn't find key " + ref.getKey() + " in ConfigMap " + pod.namespace() + "/"
                                + ref.getName());
            }
            return data.get(ref.getKey());
        }
        if (from.getFieldRef() != null) {
            return field(from.getFieldRef(), pod);
        }
        return fail(
                "env " + variable.getName() + ": local mode resolves secretKeyRef, configMapKeyRef and fieldRef only");
    }

    private static String field(ObjectFieldSelector selector, PodFields pod) throws ContainerConfigException {
        var path = selector.getFieldPath();
        if (path.startsWith("metadata.labels['") && path.endsWith("']")) {
            return pod.labels().getOrDefault(path.substring(17, path.length() - 2), "");
        }
        return switch (path) {
            case "metadata.name" -> pod.name();
            case "metadata.namespace" -> pod.namespace();
            case "metadata.uid" -> pod.uid();
            case "spec.nodeName" -> NodeAgent.NODE_NAME;
            case "spec.serviceAccountName" -> pod.serviceAccount();
            case "status.podIP", "status.hostIP" -> "127.0.0.1";
            default -> fail("unsupported fieldRef " + path);
        };
    }

    /** Expands {@code $(VAR)} with variables defined before; unknown references stay as they are, as in Kubernetes. */
    static String expand(String value, Map<String, String> defined) {
        Matcher matcher = REFERENCE.matcher(value);
        var result = new StringBuilder();
        while (matcher.find()) {
            String replacement;
            if (matcher.group().equals("$$")) {
                replacement = "$";
            } else {
                replacement = defined.getOrDefault(matcher.group(1), matcher.group());
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    private static String fail(String message) throws ContainerConfigException {
        throw config(message);
    }

    private static ContainerConfigException config(String message) {
        return new ContainerConfigException(ContainerConfigException.CONFIG_ERROR, message);
    }
}
