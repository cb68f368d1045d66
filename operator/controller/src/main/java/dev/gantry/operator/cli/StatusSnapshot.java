package dev.gantry.operator.cli;

import dev.gantry.api.v1alpha1.ModelDeployment;
import dev.gantry.api.v1alpha1.ModelRollout;
import dev.gantry.operator.render.Labels;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Optional;

/**
 * What {@code kubectl gantry status} shows, read in one go: the ModelDeployment, the ModelRollout driving it (if any)
 * and its runtime pods. Needs only get and list, as the built-in view role grants them with the chart's aggregation.
 */
record StatusSnapshot(ModelDeployment md, Optional<ModelRollout> rollout, List<Pod> pods) {

    /** Reads by the name of a ModelDeployment, or of a ModelRollout (then of the ModelDeployment it targets). */
    static StatusSnapshot read(KubernetesClient client, String namespace, String name) {
        var deployments = client.resources(ModelDeployment.class).inNamespace(namespace);
        var rollouts = client.resources(ModelRollout.class).inNamespace(namespace);
        var md = deployments.withName(name).get();
        ModelRollout rollout = null;
        if (md == null) {
            rollout = rollouts.withName(name).get();
            if (rollout == null
                    || rollout.getSpec() == null
                    || rollout.getSpec().getTargetRef() == null) {
                throw new CliException("no ModelDeployment or ModelRollout " + name + " in namespace " + namespace);
            }
            var target = rollout.getSpec().getTargetRef().getName();
            md = deployments.withName(target).get();
            if (md == null) {
                throw new CliException("ModelRollout " + name + " targets ModelDeployment " + target
                        + ", which does not exist in namespace " + namespace);
            }
        }
        var found = md;
        if (rollout == null) {
            rollout = active(found)
                    .map(active -> rollouts.withName(active).get())
                    .or(() -> ManualControl.targeting(
                            client, namespace, found.getMetadata().getName()))
                    .orElse(null);
        }
        var pods = client.pods()
                .inNamespace(namespace)
                .withLabel(Labels.MODEL_DEPLOYMENT, found.getMetadata().getName())
                .withLabel(Labels.COMPONENT, Labels.Component.RUNTIME.value())
                .list()
                .getItems();
        return new StatusSnapshot(found, Optional.ofNullable(rollout), pods);
    }

    private static Optional<String> active(ModelDeployment md) {
        return Optional.ofNullable(md.getStatus())
                .map(s -> s.getActiveRollout())
                .filter(a -> !a.isBlank());
    }
}
