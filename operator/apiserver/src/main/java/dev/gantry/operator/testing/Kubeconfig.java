package dev.gantry.operator.testing;

/** The kubeconfig of an API server without authentication: one cluster, one user, one context. */
final class Kubeconfig {

    static final String CONTEXT = "gantry-local";

    private Kubeconfig() {}

    static String render(String server, String namespace) {
        return """
                apiVersion: v1
                kind: Config
                clusters:
                  - name: %1$s
                    cluster:
                      server: %2$s
                users:
                  - name: %1$s
                    user: {}
                contexts:
                  - name: %1$s
                    context:
                      cluster: %1$s
                      user: %1$s
                      namespace: %3$s
                current-context: %1$s
                """.formatted(CONTEXT, server, namespace);
    }
}
