package dev.gantry.operator.modelrollout;

import dev.gantry.api.v1alpha1.ModelDeployment;
import dev.gantry.api.v1alpha1.ModelRollout;
import dev.gantry.api.v1alpha1.rollout.TrafficRouter;
import dev.gantry.operator.modeldeployment.status.RuntimeHealth;
import dev.gantry.operator.render.Labels;
import dev.gantry.operator.render.ModelDeploymentRenderer;
import dev.gantry.operator.render.Names;
import dev.gantry.operator.render.OperatorDefaults;
import dev.gantry.operator.traffic.AppliedTraffic;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * Reads what a rollout decides from: the target's revisions, its Deployments' pods, the candidate's pods, and
 * the router objects as they are on the cluster. A few reads per reconcile, done only while a rollout has a
 * candidate; the ModelDeployment's own status changes are what wake the rollout up.
 */
final class TargetObserver {

    private static final Logger LOG = Logger.getLogger(TargetObserver.class);

    private final KubernetesClient client;
    private final OperatorDefaults defaults;

    TargetObserver(KubernetesClient client, OperatorDefaults defaults) {
        this.client = client;
        this.defaults = defaults;
    }

    Observation observe(ModelRollout rollout, ModelDeployment md) {
        if (md == null) {
            return new Observation(null, null, null, Map.of(), List.of(), List.of(), null, null);
        }
        var name = md.getMetadata().getName();
        var namespace = md.getMetadata().getNamespace();
        var current = currentRevision(md);
        var stable = md.getStatus() == null ? null : md.getStatus().getStableRevision();
        var deployments = new TreeMap<String, Deployment>();
        for (var deployment : client.apps()
                .deployments()
                .inNamespace(namespace)
                .withLabel(Labels.MODEL_DEPLOYMENT, name)
                .withLabel(Labels.COMPONENT, Labels.Component.RUNTIME.value())
                .list()
                .getItems()) {
            var revision = deployment.getMetadata().getLabels().get(Labels.REVISION);
            if (revision != null) {
                deployments.put(revision, deployment);
            }
        }
        var revisions = new LinkedHashMap<String, Observation.RevisionPods>();
        var ready = new LinkedHashMap<String, Integer>();
        deployments.forEach((revision, deployment) -> {
            var pods = pods(deployment);
            revisions.put(revision, pods);
            ready.put(revision, pods.ready());
        });
        var status = rollout.getStatus();
        var candidate = status == null ? null : status.getCandidateRevision();
        if (candidate == null) {
            return new Observation(md, current, stable, revisions, List.of(), List.of(), null, null);
        }
        List<Pod> pods = client.pods()
                .inNamespace(namespace)
                .withLabel(Labels.MODEL_DEPLOYMENT, name)
                .withLabel(Labels.REVISION, candidate)
                .list()
                .getItems();
        var deployment =
                Optional.ofNullable(deployments.get(candidate)).stream().toList();
        var findings = RuntimeHealth.assess(pods, deployment).findings();
        Integer share = null;
        String note = null;
        var split = status.getSplit();
        if (split != null && split.getStableRevision() != null) {
            var router = split.getRouter() == null ? TrafficRouter.GatewayAPI : split.getRouter();
            var applied = new AppliedTraffic(
                    name,
                    client.services()
                            .inNamespace(namespace)
                            .withName(Names.stableService(name))
                            .get(),
                    router == TrafficRouter.GatewayAPI && md.getSpec().getGateway() != null ? route(md) : null,
                    router == TrafficRouter.IngressNginx
                            ? client.network()
                                    .v1()
                                    .ingresses()
                                    .inNamespace(namespace)
                                    .withName(Names.canaryIngress(name))
                                    .get()
                            : null,
                    ready);
            share = applied.share(router, candidate).orElse(null);
            var trafficSplit = RolloutTrafficSource.toTrafficSplit(
                    split, rollout.getMetadata().getName());
            note = dev.gantry.operator.traffic.TrafficRouter.of(router).weightNote(trafficSplit, ready);
        }
        return new Observation(md, current, stable, revisions, pods, findings, share, note);
    }

    private String currentRevision(ModelDeployment md) {
        try {
            return ModelDeploymentRenderer.currentRevision(md, defaults);
        } catch (RuntimeException e) {
            LOG.debugf(
                    "Cannot compute the revision of ModelDeployment %s: %s",
                    md.getMetadata().getName(), e);
            return null;
        }
    }

    private HTTPRoute route(ModelDeployment md) {
        try {
            return client.resources(HTTPRoute.class)
                    .inNamespace(md.getMetadata().getNamespace())
                    .withName(Names.httpRoute(md.getMetadata().getName()))
                    .get();
        } catch (KubernetesClientException e) {
            return null; // Gateway API not installed: the ModelDeployment reports GatewayApiMissing
        }
    }

    private static Observation.RevisionPods pods(Deployment deployment) {
        var replicas = deployment.getSpec() == null || deployment.getSpec().getReplicas() == null
                ? 1
                : deployment.getSpec().getReplicas();
        var status = deployment.getStatus();
        int ready = status == null || status.getReadyReplicas() == null ? 0 : status.getReadyReplicas();
        return new Observation.RevisionPods(replicas, ready);
    }
}
