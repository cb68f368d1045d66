package dev.gantry.operator.cli;

import dev.gantry.api.v1alpha1.ModelRollout;
import dev.gantry.api.v1alpha1.rollout.RolloutPhase;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one-shot annotations people steer a ModelRollout with (docs/concepts.md, "Manual control"): the operator acts
 * on one, removes it and records an Event. Written with a JSON merge patch of the annotations only, so a person
 * needs nothing beyond {@code get} and {@code patch} on {@code modelrollouts} and never races the operator's status.
 */
final class ManualControl {

    static final String PROMOTE = "gantry.dev/promote";
    static final String ABORT = "gantry.dev/abort";
    static final String RETRY = "gantry.dev/retry";
    static final String PAUSED = "gantry.dev/paused";

    private ManualControl() {}

    /**
     * The ModelRollout named {@code name}, or else the one targeting the ModelDeployment {@code name}, so that
     * {@code kubectl gantry promote assistant} works with either name.
     */
    static ModelRollout find(KubernetesClient client, String namespace, String name) {
        var rollouts = client.resources(ModelRollout.class).inNamespace(namespace);
        return Optional.ofNullable(rollouts.withName(name).get())
                .or(() -> targeting(client, namespace, name))
                .orElseThrow(() -> new CliException("no ModelRollout " + name + " in namespace " + namespace
                        + ", and none targets a ModelDeployment of that name"));
    }

    static Optional<ModelRollout> targeting(KubernetesClient client, String namespace, String modelDeployment) {
        var matching = client.resources(ModelRollout.class).inNamespace(namespace).list().getItems().stream()
                .filter(r -> r.getSpec() != null
                        && r.getSpec().getTargetRef() != null
                        && modelDeployment.equals(r.getSpec().getTargetRef().getName()))
                .toList();
        if (matching.size() > 1) {
            throw new CliException(matching.size() + " ModelRollouts target ModelDeployment " + modelDeployment
                    + "; name the one you mean");
        }
        return matching.stream().findFirst();
    }

    /** Sets an annotation by JSON merge patch; returns the rollout as the server has it. */
    static ModelRollout annotate(KubernetesClient client, ModelRollout rollout, String key, String value) {
        var patch = Map.of("metadata", Map.of("annotations", Map.of(key, value)));
        return rollouts(client, rollout)
                .patch(
                        PatchContext.of(PatchType.JSON_MERGE),
                        client.getKubernetesSerialization().asJson(patch));
    }

    /** Removes an annotation the rollout has, by JSON patch (a merge patch's null is not kept by every server). */
    static ModelRollout removeAnnotation(KubernetesClient client, ModelRollout rollout, String key) {
        var pointer = "/metadata/annotations/" + key.replace("~", "~0").replace("/", "~1");
        var patch = List.of(Map.of("op", "remove", "path", pointer));
        return rollouts(client, rollout)
                .patch(
                        PatchContext.of(PatchType.JSON),
                        client.getKubernetesSerialization().asJson(patch));
    }

    static boolean hasAnnotation(ModelRollout rollout, String key) {
        var annotations = rollout.getMetadata().getAnnotations();
        return annotations != null && annotations.containsKey(key);
    }

    private static io.fabric8.kubernetes.client.dsl.Resource<ModelRollout> rollouts(
            KubernetesClient client, ModelRollout rollout) {
        return client.resources(ModelRollout.class)
                .inNamespace(rollout.getMetadata().getNamespace())
                .withName(rollout.getMetadata().getName());
    }

    static RolloutPhase phase(ModelRollout rollout) {
        return rollout.getStatus() == null ? null : rollout.getStatus().getPhase();
    }

    /** "step 3/9, weight 25%", or what is known of it. */
    static String where(ModelRollout rollout) {
        var status = rollout.getStatus();
        if (status == null || status.getPhase() == null) {
            return "not reported by the operator yet";
        }
        var where = new StringBuilder(status.getPhase().name());
        if (status.getStep() != null) {
            where.append(", step ").append(status.getStep());
        }
        if (status.getCurrentWeight() != null) {
            where.append(", weight ").append(status.getCurrentWeight()).append('%');
        }
        return where.toString();
    }
}
