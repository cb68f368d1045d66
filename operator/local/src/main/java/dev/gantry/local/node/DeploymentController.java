package dev.gantry.local.node;

import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.logging.Logger;

/**
 * The Deployment controller and kubelet for one Deployment: keeps its pods (as {@link LocalPod}s) at the desired
 * count and template by {@link ReplicaPlan}, writes their Pod objects and the Deployment's status, and removes the
 * Pod objects of pods that finished terminating.
 */
final class DeploymentController {

    private static final Logger LOG = Logger.getLogger(DeploymentController.class.getName());

    private final KubernetesClient client;
    private final PodServices services;
    private final String namespace;
    private final String name;
    private final List<LocalPod> pods = new ArrayList<>();
    private final Map<String, io.fabric8.kubernetes.api.model.Pod> published = new HashMap<>();
    private final java.util.Set<String> deletedInApi = new java.util.HashSet<>();
    private final Random random = new Random();
    private DeploymentStatuses.Counts lastCounts;
    private Instant lastProgress = Instant.now();

    DeploymentController(KubernetesClient client, PodServices services, String namespace, String name) {
        this.client = client;
        this.services = services;
        this.namespace = namespace;
        this.name = name;
    }

    void sync(Deployment deployment) {
        reap();
        var hash = PodTemplateHash.of(deployment.getSpec().getTemplate());
        int replicas = deployment.getSpec().getReplicas() == null
                ? 1
                : deployment.getSpec().getReplicas();
        var strategy = ReplicaPlan.Strategy.of(deployment, replicas);
        var live = pods.stream().filter(p -> !p.terminating()).toList();
        int terminating = pods.size() - live.size();
        var views = live.stream()
                .map(p -> new ReplicaPlan.PodView(p.name, p.templateHash, p.ready(), p.createdAt))
                .toList();
        var decision = ReplicaPlan.decide(replicas, strategy, hash, views, terminating);
        for (int i = 0; i < decision.create(); i++) {
            create(deployment, hash);
        }
        for (var victim : decision.delete()) {
            pods.stream().filter(p -> p.name.equals(victim)).findFirst().ifPresent(this::delete);
        }
        publishPods();
        publishStatus(deployment, hash, strategy.maxUnavailable());
    }

    /** The Deployment is gone: all its pods terminate. */
    void deleteAll() {
        reap();
        pods.stream().filter(p -> !p.terminating()).forEach(this::delete);
        publishPods();
    }

    /** A pod's object was deleted through the API (kubectl delete pod): its processes stop, a new pod replaces it. */
    void deletedInApi(String podName) {
        pods.stream()
                .filter(p -> p.name.equals(podName) && !p.terminating())
                .findFirst()
                .ifPresent(pod -> {
                    LOG.info("pod " + namespace + "/" + podName + " was deleted; stopping it");
                    deletedInApi.add(podName);
                    pod.terminate();
                });
    }

    boolean idle() {
        return pods.isEmpty();
    }

    List<LocalPod> pods() {
        return List.copyOf(pods);
    }

    void killAll() {
        pods.forEach(LocalPod::kill);
    }

    private void create(Deployment deployment, String hash) {
        var template = deployment.getSpec().getTemplate();
        var podName = name + "-" + hash + "-" + PodTemplateHash.suffix(random);
        var labels = new HashMap<String, String>(
                template.getMetadata() == null || template.getMetadata().getLabels() == null
                        ? Map.of()
                        : template.getMetadata().getLabels());
        labels.put("pod-template-hash", hash);
        var annotations =
                template.getMetadata() == null || template.getMetadata().getAnnotations() == null
                        ? Map.<String, String>of()
                        : template.getMetadata().getAnnotations();
        var owner = new OwnerReferenceBuilder()
                .withApiVersion("apps/v1")
                .withKind("Deployment")
                .withName(name)
                .withUid(deployment.getMetadata().getUid())
                .withController(true)
                .withBlockOwnerDeletion(true)
                .build();
        var spec = Serialization.clone(template.getSpec());
        spec.setNodeName(NodeAgent.NODE_NAME);
        var pod = new LocalPod(namespace, podName, hash, labels, annotations, owner, spec, services);
        pods.add(pod);
        try {
            var created = client.pods()
                    .inNamespace(namespace)
                    .resource(PodObjects.pod(pod))
                    .create();
            pod.uid(created.getMetadata().getUid());
        } catch (KubernetesClientException e) {
            LOG.warning("cannot create pod " + namespace + "/" + podName + ": " + e.getMessage());
        }
        pod.start();
    }

    private void delete(LocalPod pod) {
        pod.terminate();
    }

    private void reap() {
        for (var pod : List.copyOf(pods)) {
            if (!pod.gone()) {
                continue;
            }
            pods.remove(pod);
            published.remove(pod.name);
            if (!deletedInApi.remove(pod.name)) {
                try {
                    client.pods().inNamespace(namespace).withName(pod.name).delete();
                } catch (KubernetesClientException e) {
                    LOG.fine("deleting pod " + pod.name + ": " + e.getMessage());
                }
            }
        }
    }

    private void publishPods() {
        for (var pod : pods) {
            if (deletedInApi.contains(pod.name)) {
                continue;
            }
            var object = PodObjects.pod(pod);
            if (object.equals(published.get(pod.name))) {
                continue;
            }
            try {
                client.pods()
                        .inNamespace(namespace)
                        .resource(PodObjects.pod(pod))
                        .update();
                published.put(pod.name, object);
            } catch (KubernetesClientException e) {
                LOG.fine("updating pod " + pod.name + ": " + e.getMessage());
            }
        }
    }

    private void publishStatus(Deployment deployment, String hash, int maxUnavailable) {
        var live = pods.stream().filter(p -> !p.terminating()).toList();
        var counts = new DeploymentStatuses.Counts(
                live.size(),
                (int) live.stream().filter(p -> p.templateHash.equals(hash)).count(),
                (int) live.stream().filter(LocalPod::ready).count(),
                (int) pods.stream().filter(p -> !p.templateHash.equals(hash)).count());
        var now = Instant.now();
        if (!counts.equals(lastCounts)) {
            lastCounts = counts;
            lastProgress = now;
        }
        var status = DeploymentStatuses.compute(deployment, counts, maxUnavailable, lastProgress, now);
        if (status.equals(deployment.getStatus())) {
            return;
        }
        try {
            client.apps().deployments().inNamespace(namespace).withName(name).editStatus(d -> {
                d.setStatus(status);
                return d;
            });
        } catch (KubernetesClientException e) {
            LOG.fine("updating the status of Deployment " + name + ": " + e.getMessage());
        }
    }
}
