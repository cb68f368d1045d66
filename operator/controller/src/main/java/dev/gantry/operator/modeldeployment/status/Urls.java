package dev.gantry.operator.modeldeployment.status;

import dev.gantry.api.v1alpha1.ModelDeployment;
import dev.gantry.operator.render.Names;
import java.net.URI;

/**
 * Where clients reach the model: the Gateway's first hostname, else the Ingress host, else the in-cluster
 * Service. A Gateway listener is assumed to be HTTPS when its section name or port says so.
 */
final class Urls {

    private Urls() {}

    static String of(ModelDeployment md) {
        var spec = md.getSpec();
        var gateway = spec.getGateway();
        if (gateway != null
                && gateway.getHostnames() != null
                && !gateway.getHostnames().isEmpty()) {
            boolean https = gateway.getParentRefs().stream()
                    .anyMatch(ref -> (ref.getSectionName() != null
                                    && ref.getSectionName().contains("https"))
                            || Integer.valueOf(443).equals(ref.getPort()));
            return (https ? "https://" : "http://") + gateway.getHostnames().get(0) + path(gateway.getPath());
        }
        var ingress = spec.getIngress();
        if (ingress != null && !ingress.getHost().startsWith("*")) {
            return (ingress.getTls() != null ? "https://" : "http://") + ingress.getHost() + path(ingress.getPath());
        }
        int port = spec.getService() == null || spec.getService().getPort() == null
                ? 80
                : spec.getService().getPort();
        return "http://" + Names.stableService(md.getMetadata().getName()) + "."
                + md.getMetadata().getNamespace() + ".svc" + (port == 80 ? "" : ":" + port);
    }

    private static String path(String path) {
        return path == null || path.equals("/") ? "" : path;
    }

    /** {@code host:port} of a Redis URL, without credentials (the URL has none by schema). */
    static String hostAndPort(String url) {
        var uri = URI.create(url);
        int port = uri.getPort() == -1 ? 6379 : uri.getPort();
        return uri.getHost() + ":" + port;
    }
}
