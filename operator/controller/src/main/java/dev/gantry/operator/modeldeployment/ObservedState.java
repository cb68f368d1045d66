package dev.gantry.operator.modeldeployment;

import dev.gantry.api.v1alpha1.ModelDeployment;
import dev.gantry.api.v1alpha1.ModelRollout;
import dev.gantry.operator.modeldeployment.dependent.CacheSecret;
import dev.gantry.operator.render.Labels;
import dev.gantry.operator.render.Names;
import dev.gantry.operator.render.RevisionObjects;
import dev.gantry.operator.render.RevisionSpec;
import dev.gantry.operator.render.Revisions;
import dev.gantry.operator.traffic.RevisionPods;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the informers hold about a ModelDeployment's children at the start of a reconcile: its revisions'
 * Deployments and snapshots, its pods, and its managed Redis.
 */
public final class ObservedState {

    private final Map<String, Deployment> runtimeDeployments = new TreeMap<>();
    private final Map<String, RevisionSpec> snapshots = new TreeMap<>();
    private final List<Pod> pods;
    private final Optional<Secret> cacheSecret;
    private final Optional<HasMetadata> cacheWorkload;
    private final List<ModelRollout> rollouts;

    ObservedState(
            String md,
            Collection<Deployment> deployments,
            Collection<StatefulSet> statefulSets,
            Collection<ConfigMap> configMaps,
            Collection<Secret> secrets,
            Collection<Pod> pods,
            Collection<ModelRollout> rollouts) {
        for (var deployment : deployments) {
            var revision = revisionOf(deployment, md);
            if (revision != null) {
                runtimeDeployments.put(revision, deployment);
                snapshotOf(deployment, revision).ifPresent(spec -> snapshots.put(revision, spec));
            }
        }
        for (var configMap : configMaps) {
            var revision = revisionOf(configMap, md);
            if (revision != null && !snapshots.containsKey(revision)) {
                snapshotOf(configMap, revision).ifPresent(spec -> snapshots.put(revision, spec));
            }
        }
        this.pods = List.copyOf(pods);
        this.rollouts = List.copyOf(rollouts);
        this.cacheSecret = secrets.stream()
                .filter(s -> s.getMetadata().getName().equals(Names.cacheAuthSecret(md)))
                .findFirst();
        this.cacheWorkload = deployments.stream()
                .filter(d -> d.getMetadata().getName().equals(Names.cache(md)))
                .map(d -> (HasMetadata) d)
                .findFirst()
                .or(() -> statefulSets.stream()
                        .filter(s -> s.getMetadata().getName().equals(Names.cache(md)))
                        .map(s -> (HasMetadata) s)
                        .findFirst());
    }

    public static ObservedState of(ModelDeployment md, Context<ModelDeployment> context) {
        return new ObservedState(
                md.getMetadata().getName(),
                context.getSecondaryResources(Deployment.class),
                context.getSecondaryResources(StatefulSet.class),
                context.getSecondaryResources(ConfigMap.class),
                context.getSecondaryResources(Secret.class),
                context.getSecondaryResources(Pod.class),
                context.getSecondaryResources(ModelRollout.class));
    }

    /** Live revisions' Deployments, by revision. */
    public Map<String, Deployment> runtimeDeployments() {
        return runtimeDeployments;
    }

    /** Pods per revision that can be rendered again (a snapshot survives), as the planner needs them. */
    public Map<String, RevisionPods> revisionPods() {
        var result = new TreeMap<String, RevisionPods>();
        runtimeDeployments.forEach((revision, deployment) -> {
            if (snapshots.containsKey(revision)) {
                result.put(revision, podsOf(deployment));
            }
        });
        return result;
    }

    public static RevisionPods podsOf(Deployment deployment) {
        var spec = deployment.getSpec().getReplicas();
        var status = deployment.getStatus();
        int available = status == null || status.getAvailableReplicas() == null ? 0 : status.getAvailableReplicas();
        return new RevisionPods(spec == null ? 1 : spec, available);
    }

    public Map<String, RevisionSpec> snapshots() {
        return snapshots;
    }

    public List<Pod> pods() {
        return pods;
    }

    /** The ModelRollouts that target this ModelDeployment. */
    public List<ModelRollout> rollouts() {
        return rollouts;
    }

    /** The existing managed Redis password; the operator never replaces it. */
    public Optional<String> cachePassword() {
        return cacheSecret.flatMap(CacheSecret::password);
    }

    /** Ready Redis pods, or empty when there is no managed Redis. */
    public Optional<Integer> cacheReadyReplicas() {
        return cacheWorkload.map(workload -> {
            Integer ready = workload instanceof Deployment d && d.getStatus() != null
                    ? d.getStatus().getReadyReplicas()
                    : workload instanceof StatefulSet s && s.getStatus() != null
                            ? s.getStatus().getReadyReplicas()
                            : null;
            return ready == null ? 0 : ready;
        });
    }

    /** The pod count a direct replacement recorded on a revision's Deployment, if any. */
    public Optional<Integer> replacementReplicas(String revision) {
        return Optional.ofNullable(runtimeDeployments.get(revision))
                .map(d -> d.getMetadata().getAnnotations())
                .map(a -> a.get(RevisionObjects.REPLACEMENT_REPLICAS_ANNOTATION))
                .flatMap(ObservedState::parseInt);
    }

    private static Optional<Integer> parseInt(String text) {
        try {
            return Optional.of(Integer.parseInt(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String revisionOf(HasMetadata object, String md) {
        var labels = object.getMetadata().getLabels();
        if (labels == null
                || !md.equals(labels.get(Labels.MODEL_DEPLOYMENT))
                || !Labels.Component.RUNTIME.value().equals(labels.get(Labels.COMPONENT))) {
            return null;
        }
        return labels.get(Labels.REVISION);
    }

    private static Optional<RevisionSpec> snapshotOf(HasMetadata object, String revision) {
        var annotations = object.getMetadata().getAnnotations();
        return annotations == null
                ? Optional.empty()
                : Revisions.fromSnapshot(annotations.get(Revisions.SNAPSHOT_ANNOTATION), revision);
    }
}
