package dev.gantry.local.e2e;

import static org.awaitility.Awaitility.await;

import dev.gantry.api.v1alpha1.ModelDeployment;
import dev.gantry.local.LocalCluster;
import dev.gantry.local.LocalOptions;
import dev.gantry.local.node.RunningPod;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Pod;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Local mode as the tests run it: free ports, its own state directory under {@code target/}, examples/local
 * applied, a 2-second crash-loop back-off; and what the tests ask of it.
 */
final class LocalModeFixture {

    static final String MODEL = "stories";
    static final String NAMESPACE = "default";
    static final Duration PATIENCE = Duration.ofSeconds(90);

    private LocalModeFixture() {}

    static Path root() {
        return Path.of(System.getProperty("gantry.root", "../.."))
                .toAbsolutePath()
                .normalize();
    }

    static LocalOptions options(String name) {
        return LocalOptions.defaults(root())
                .withPorts(0, 0, 0)
                .withStateDir(root().resolve("operator/local/target/e2e").resolve(name))
                .withRestartBackoff(Duration.ofSeconds(2));
    }

    /** Starts local mode and waits until both runtime pods and Redis are ready and the model answers. */
    static LocalCluster startServing(String name) {
        var cluster = LocalCluster.start(options(name));
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> {
            var md = modelDeployment(cluster);
            return md != null
                    && md.getStatus() != null
                    && "2/2".equals(md.getStatus().getReady())
                    && md.getStatus().getCache() != null
                    && Boolean.TRUE.equals(md.getStatus().getCache().getReady());
        });
        return cluster;
    }

    static ModelDeployment modelDeployment(LocalCluster cluster) {
        return cluster.client()
                .resources(ModelDeployment.class)
                .inNamespace(NAMESPACE)
                .withName(MODEL)
                .get();
    }

    static Optional<Condition> condition(LocalCluster cluster, String type) {
        var md = modelDeployment(cluster);
        return md == null || md.getStatus() == null
                ? Optional.empty()
                : md.getStatus().getConditions().stream()
                        .filter(c -> type.equals(c.getType()))
                        .findFirst();
    }

    /** The running pods of a component ({@code runtime} or {@code cache}) as the node agent runs them. */
    static List<RunningPod> running(LocalCluster cluster, String component) {
        return cluster.node().pods().stream()
                .filter(p -> component.equals(p.labels().get("app.kubernetes.io/component")))
                .filter(p -> !p.terminating())
                .toList();
    }

    static Pod pod(LocalCluster cluster, String name) {
        return cluster.client().pods().inNamespace(NAMESPACE).withName(name).get();
    }
}
