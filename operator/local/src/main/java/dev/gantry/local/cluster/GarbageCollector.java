package dev.gantry.local.cluster;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Kubernetes' garbage collector for the objects the operator creates, which the mock API server does not have:
 * every two seconds, an object labelled {@code app.kubernetes.io/managed-by: gantry-operator} whose owner
 * (by name and uid) no longer exists is deleted, so that deleting a ModelDeployment deletes its children. Pods are
 * left to the node agent, which stops them when their Deployment goes.
 */
public final class GarbageCollector implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(GarbageCollector.class.getName());
    private static final String MANAGED = "app.kubernetes.io/managed-by";
    private static final List<String[]> KINDS = List.of(
            new String[] {"apps/v1", "Deployment"},
            new String[] {"apps/v1", "StatefulSet"},
            new String[] {"v1", "Service"},
            new String[] {"v1", "ConfigMap"},
            new String[] {"v1", "Secret"},
            new String[] {"v1", "ServiceAccount"},
            new String[] {"autoscaling/v2", "HorizontalPodAutoscaler"},
            new String[] {"policy/v1", "PodDisruptionBudget"},
            new String[] {"networking.k8s.io/v1", "Ingress"},
            new String[] {"networking.k8s.io/v1", "NetworkPolicy"},
            new String[] {"gateway.networking.k8s.io/v1", "HTTPRoute"});

    private final KubernetesClient client;
    private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(r -> {
        var thread = new Thread(r, "garbage-collector");
        thread.setDaemon(true);
        return thread;
    });

    private GarbageCollector(KubernetesClient client) {
        this.client = client;
    }

    public static GarbageCollector start(KubernetesClient client) {
        var collector = new GarbageCollector(client);
        collector.loop.scheduleWithFixedDelay(collector::collect, 2, 2, TimeUnit.SECONDS);
        return collector;
    }

    void collect() {
        var owners = new HashMap<String, String>();
        for (var kind : KINDS) {
            try {
                for (var object : client.genericKubernetesResources(kind[0], kind[1])
                        .inAnyNamespace()
                        .withLabel(MANAGED)
                        .list()
                        .getItems()) {
                    if (orphaned(object, owners)) {
                        LOG.info("deleting " + kind[1] + " "
                                + object.getMetadata().getNamespace() + "/"
                                + object.getMetadata().getName() + ": its owner is gone");
                        client.resource(object).delete();
                    }
                }
            } catch (KubernetesClientException e) {
                LOG.fine("garbage collection of " + kind[1] + ": " + e.getMessage());
            }
        }
    }

    private boolean orphaned(GenericKubernetesResource object, Map<String, String> owners) {
        var references = object.getMetadata().getOwnerReferences();
        if (references == null || references.isEmpty()) {
            return false;
        }
        return references.stream().allMatch(owner -> !owner.getUid().equals(uid(object, owner, owners)));
    }

    /** The uid of the object an owner reference names now, or "" when there is none. */
    private String uid(GenericKubernetesResource object, OwnerReference owner, Map<String, String> owners) {
        var namespace = object.getMetadata().getNamespace();
        var key = owner.getApiVersion() + "/" + owner.getKind() + "/" + namespace + "/" + owner.getName();
        return owners.computeIfAbsent(key, k -> {
            var found = client.genericKubernetesResources(owner.getApiVersion(), owner.getKind())
                    .inNamespace(namespace)
                    .withName(owner.getName())
                    .get();
            return found == null ? "" : found.getMetadata().getUid();
        });
    }

    @Override
    public void close() {
        loop.shutdownNow();
    }
}
