package dev.gantry.operator.cli;

import dev.gantry.api.v1alpha1.ModelRollout;
import dev.gantry.api.v1alpha1.rollout.RolloutPhase;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * A command that sets or removes one manual-control annotation on a ModelRollout, after checking that the rollout is
 * in a phase where it means something (so no one-shot annotation lies in wait for a later rollout).
 */
abstract class RolloutControlCommand implements Callable<Integer> {

    @ParentCommand
    GantryCli cli;

    @Spec
    CommandSpec spec;

    @Mixin
    ClusterOptions cluster;

    @Parameters(index = "0", paramLabel = "NAME", description = "The ModelRollout, or the ModelDeployment it targets.")
    String name;

    /** The annotation this command writes. */
    abstract String key();

    /** Its value, or {@code null} to remove it. */
    abstract String value();

    /** Phases in which the command makes sense; empty: any. */
    abstract Set<RolloutPhase> phases();

    /** What was asked of the operator, for the person who asked. */
    abstract String requested(ModelRollout rollout);

    /** Why the operator would ignore the command in the rollout's present state (see {@link #phases()}), if it would. */
    Optional<String> refusal(ModelRollout rollout) {
        var phase = ManualControl.phase(rollout);
        return !phases().isEmpty() && !phases().contains(phase)
                ? Optional.of(spec.name() + " applies to a rollout that is " + phases())
                : Optional.empty();
    }

    /** Notes about what will not happen as one might expect. */
    List<String> notes(ModelRollout rollout) {
        return List.of();
    }

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        try (var client = cli.clients().connect(cluster)) {
            var rollout = ManualControl.find(client, cluster.namespace(client), name);
            var refusal = refusal(rollout);
            if (refusal.isPresent()) {
                throw new CliException(
                        "ModelRollout " + id(rollout) + " is " + ManualControl.where(rollout) + "; " + refusal.get());
            }
            ModelRollout updated;
            if (value() != null) {
                updated = ManualControl.annotate(client, rollout, key(), value());
            } else if (ManualControl.hasAnnotation(rollout, key())) {
                updated = ManualControl.removeAnnotation(client, rollout, key());
            } else {
                updated = rollout;
                out.println("ModelRollout " + id(rollout) + ": has no " + key() + " annotation; nothing to remove");
                notes(updated).forEach(note -> out.println("note: " + note));
                out.flush();
                return 0;
            }
            out.println("ModelRollout " + id(updated) + ": " + requested(updated));
            notes(updated).forEach(note -> out.println("note: " + note));
            out.flush();
            return 0;
        } catch (CliException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return 1;
        } catch (KubernetesClientException e) {
            err.println("error: " + Errors.describe(e));
            err.flush();
            return 1;
        }
    }

    static String id(ModelRollout rollout) {
        return rollout.getMetadata().getNamespace() + "/"
                + rollout.getMetadata().getName();
    }

    static String candidate(ModelRollout rollout) {
        var status = rollout.getStatus();
        return status == null || status.getCandidateRevision() == null
                ? "the candidate"
                : status.getCandidateRevision();
    }

    static String stable(ModelRollout rollout) {
        var status = rollout.getStatus();
        return status == null || status.getStableRevision() == null
                ? "the stable revision"
                : status.getStableRevision();
    }
}
