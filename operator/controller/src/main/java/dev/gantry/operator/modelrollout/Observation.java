package dev.gantry.operator.modelrollout;

import dev.gantry.api.v1alpha1.ModelDeployment;
import dev.gantry.operator.modeldeployment.status.Finding;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;
import java.util.Map;

/**
 * What a reconcile saw of the rollout's target, read before anything is decided.
 *
 * @param target the ModelDeployment, or {@code null} when it does not exist
 * @param currentRevision the revision of its spec, or {@code null} without a target
 * @param targetStable the stable revision its status records, or {@code null} before its first revision
 * @param revisions pods per revision that has a Deployment
 * @param candidatePods the pods of the rollout's candidate revision
 * @param candidateFindings problems of those pods and their Deployment, most severe first
 * @param candidateShare the share of traffic the router objects give the candidate, or {@code null} when unknown
 * @param readyPodsNote how the weight is realised, for status.weightNote
 */
record Observation(
        ModelDeployment target,
        String currentRevision,
        String targetStable,
        Map<String, RevisionPods> revisions,
        List<Pod> candidatePods,
        List<Finding> candidateFindings,
        Integer candidateShare,
        String readyPodsNote) {

    /**
     * One revision's Deployment as observed.
     *
     * @param replicas its {@code spec.replicas}
     * @param ready its ready pods
     */
    record RevisionPods(int replicas, int ready) {}

    static final RevisionPods NONE = new RevisionPods(0, 0);

    Observation {
        revisions = revisions == null ? Map.of() : Map.copyOf(revisions);
        candidatePods = candidatePods == null ? List.of() : List.copyOf(candidatePods);
        candidateFindings = candidateFindings == null ? List.of() : List.copyOf(candidateFindings);
    }

    RevisionPods pods(String revision) {
        return revision == null ? NONE : revisions.getOrDefault(revision, NONE);
    }

    int ready(String revision) {
        return pods(revision).ready();
    }
}
