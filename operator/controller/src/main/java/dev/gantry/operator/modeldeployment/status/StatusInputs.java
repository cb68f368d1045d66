package dev.gantry.operator.modeldeployment.status;

import dev.gantry.api.v1alpha1.ModelDeployment;
import dev.gantry.operator.modeldeployment.validation.SpecProblem;
import dev.gantry.operator.render.RevisionSpec;
import dev.gantry.operator.traffic.TrafficSplit;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a status is built from.
 *
 * @param md the ModelDeployment, with its previous status
 * @param currentRevision the revision of its current spec
 * @param problems what a person must fix; when not empty, children were left untouched
 * @param split the split applied this reconcile, or {@code null} when nothing was applied
 * @param revisionSpecs snapshots of the live revisions (model and image per revision)
 * @param runtimeDeployments observed Deployments per revision
 * @param pods observed runtime and cache pods
 * @param desiredReplicas pods that should serve
 * @param cacheReadyReplicas ready managed-Redis pods, empty without a managed Redis
 * @param gatewayMissing a gateway is asked for but Gateway API is not installed
 */
public record StatusInputs(
        ModelDeployment md,
        String currentRevision,
        List<SpecProblem> problems,
        TrafficSplit split,
        Map<String, RevisionSpec> revisionSpecs,
        Map<String, Deployment> runtimeDeployments,
        List<Pod> pods,
        int desiredReplicas,
        Optional<Integer> cacheReadyReplicas,
        boolean gatewayMissing) {}
