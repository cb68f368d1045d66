package dev.gantry.local.e2e;

import static dev.gantry.local.e2e.LocalModeFixture.MODEL;
import static dev.gantry.local.e2e.LocalModeFixture.NAMESPACE;

import dev.gantry.api.v1alpha1.ModelDeployment;
import dev.gantry.api.v1alpha1.ModelRollout;
import dev.gantry.api.v1alpha1.ModelRolloutStatus;
import dev.gantry.local.LocalCluster;
import dev.gantry.local.node.RunningPod;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** The ModelRollout {@code stories} of local mode as the rollout tests drive and read it. */
final class Rollouts {

    static final Duration ROLLOUT_PATIENCE = Duration.ofMinutes(3);

    private Rollouts() {}

    static ModelRollout rollout(LocalCluster cluster) {
        return cluster.client()
                .resources(ModelRollout.class)
                .inNamespace(NAMESPACE)
                .withName(MODEL)
                .get();
    }

    /** Replaces the rollout's spec with the one in {@code src/test/resources/rollouts/<file>}. */
    static void useSpec(LocalCluster cluster, String file) {
        try (var in = Rollouts.class.getResourceAsStream("/rollouts/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource rollouts/" + file);
            }
            var wanted = cluster.client().resources(ModelRollout.class).load(in).item();
            cluster.client()
                    .resources(ModelRollout.class)
                    .inNamespace(NAMESPACE)
                    .withName(MODEL)
                    .edit(rollout -> {
                        rollout.setSpec(wanted.getSpec());
                        return rollout;
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JSON merge patch of the ModelDeployment, as {@code kubectl patch md stories --type merge -p ...}. */
    static void patchModel(LocalCluster cluster, String mergePatch) {
        cluster.client()
                .resources(ModelDeployment.class)
                .inNamespace(NAMESPACE)
                .withName(MODEL)
                .patch(PatchContext.of(PatchType.JSON_MERGE), mergePatch);
    }

    /** Removes {@code spec.runtime.env}, as a revert in Git would. */
    static void removeRuntimeEnv(LocalCluster cluster) {
        cluster.client()
                .resources(ModelDeployment.class)
                .inNamespace(NAMESPACE)
                .withName(MODEL)
                .edit(md -> {
                    md.getSpec().getRuntime().setEnv(null);
                    return md;
                });
    }

    /** Waits for a status that matches; on a time-out, the error says where the rollout stood. */
    static ModelRolloutStatus awaitStatus(LocalCluster cluster, Predicate<ModelRolloutStatus> condition) {
        var deadline = System.nanoTime() + ROLLOUT_PATIENCE.toNanos();
        ModelRolloutStatus status = null;
        while (System.nanoTime() < deadline) {
            status = rollout(cluster).getStatus();
            if (status != null && condition.test(status)) {
                return status;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
        throw new AssertionError("the ModelRollout did not reach the state waited for within " + ROLLOUT_PATIENCE
                + "; it is "
                + (status == null
                        ? "without status"
                        : status.getPhase() + " (step " + status.getStep() + ", weight " + status.getCurrentWeight()
                                + ", pause reason " + status.getPauseReason() + "): " + status.getMessage()));
    }

    /** Waits until no rollout is in progress, so that a test starts from a stable revision. */
    static String awaitSettled(LocalCluster cluster) {
        var status = awaitStatus(
                cluster,
                s -> s.getPhase() != null
                        && switch (s.getPhase()) {
                            case Idle, Succeeded -> true;
                            default -> false;
                        });
        return status.getStableRevision();
    }

    /** The running runtime pods of one revision, by name, with their process ids. */
    static Map<String, List<Long>> pods(LocalCluster cluster, String revision) {
        return LocalModeFixture.running(cluster, "runtime").stream()
                .filter(p -> revision.equals(p.labels().get("gantry.dev/revision")))
                .collect(java.util.stream.Collectors.toMap(RunningPod::name, RunningPod::pids));
    }

    static String service(String revision) {
        return MODEL + "-" + revision;
    }

    static String upstreamPrefix(String revision) {
        return NAMESPACE + "/" + MODEL + "-" + revision + "-";
    }

    /** What {@code kubectl gantry <args>} printed and its exit code. */
    record PluginResult(int exit, String output) {}

    /** Runs {@code operator/controller/src/main/scripts/kubectl-gantry} with local mode's kubeconfig. */
    static PluginResult kubectlGantry(LocalCluster cluster, String... args) throws Exception {
        var command = new java.util.ArrayList<String>();
        command.add(LocalModeFixture.root()
                .resolve("operator/controller/src/main/scripts/kubectl-gantry")
                .toString());
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("KUBECONFIG", cluster.options().kubeconfig().toString());
        builder.environment()
                .put("JAVA", ProcessHandle.current().info().command().orElse("java"));
        var process = builder.start();
        var output = new ByteArrayOutputStream();
        var reader = new Thread(() -> {
            try {
                process.getInputStream().transferTo(output);
            } catch (IOException e) {
                // the process ended
            }
        });
        reader.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("kubectl-gantry " + String.join(" ", args) + " did not end within 60s");
        }
        reader.join(5000);
        return new PluginResult(process.exitValue(), output.toString(StandardCharsets.UTF_8));
    }
}
