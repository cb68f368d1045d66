package dev.gantry.operator.testing;

import java.util.Optional;

/**
 * A REST path of the Kubernetes API taken apart: {@code /api/v1/namespaces/ns/pods/name/status} or
 * {@code /apis/group/version/[namespaces/ns/]plural[/name[/subresource]]}.
 */
record ResourcePath(String group, String version, String namespace, String plural, String name, String subresource) {

    static Optional<ResourcePath> parse(String path) {
        var parts = path.replaceAll("^/+|/+$", "").split("/");
        int at;
        String group;
        String version;
        if (parts.length >= 3 && parts[0].equals("api")) {
            group = "";
            version = parts[1];
            at = 2;
        } else if (parts.length >= 4 && parts[0].equals("apis")) {
            group = parts[1];
            version = parts[2];
            at = 3;
        } else {
            return Optional.empty();
        }
        String namespace = null;
        if (parts[at].equals("namespaces") && parts.length >= at + 3) {
            namespace = parts[at + 1];
            at += 2;
        }
        var plural = parts[at];
        var name = parts.length > at + 1 ? parts[at + 1] : null;
        var subresource = parts.length > at + 2 ? parts[at + 2] : null;
        return Optional.of(new ResourcePath(group, version, namespace, plural, name, subresource));
    }
}
