package dev.gantry.operator.testing;

import static org.awaitility.Awaitility.await;

import dev.gantry.api.v1alpha1.ModelDeployment;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.events.v1.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.awaitility.core.ThrowingRunnable;

/** A namespace of the mock cluster as a test sees it: ModelDeployments, their children, and a kubelet's part. */
public final class Cluster {

    public static final Duration PATIENCE = Duration.ofSeconds(20);

    private final KubernetesClient client;
    private final String namespace;

    public Cluster(KubernetesClient client) {
        this.client = client;
        this.namespace = "t-" + UUID.randomUUID().toString().substring(0, 8);
        client.resource(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName(namespace)
                        .endMetadata()
                        .build())
                .create();
    }

    public KubernetesClient client() {
        return client;
    }

    public String namespace() {
        return namespace;
    }

    public ModelDeployment apply(ModelDeployment md) {
        md.getMetadata().setNamespace(namespace);
        return client.resource(md).create();
    }

    public ModelDeployment md(String name) {
        return client.resources(ModelDeployment.class)
                .inNamespace(namespace)
                .withName(name)
                .get();
    }

    /** Edits a ModelDeployment as a person would, retrying when the operator's status write got there first. */
    public ModelDeployment editSpec(String name, UnaryOperator<ModelDeployment> edit) {
        return retryingConflicts(() -> client.resources(ModelDeployment.class)
                .inNamespace(namespace)
                .withName(name)
                .edit(edit));
    }

    /** Retries a write that lost an optimistic-locking race, as controllers do. */
    public static <T> T retryingConflicts(java.util.function.Supplier<T> write) {
        for (int attempt = 1; ; attempt++) {
            try {
                return write.get();
            } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
                if (e.getCode() != 409 || attempt == 20) {
                    throw e;
                }
            }
        }
    }

    public Optional<Condition> condition(String md, String type) {
        var status = md(md).getStatus();
        return status == null
                ? Optional.empty()
                : status.getConditions().stream()
                        .filter(c -> type.equals(c.getType()))
                        .findFirst();
    }

    public String reason(String md, String type) {
        return condition(md, type).map(Condition::getReason).orElse(null);
    }

    public Deployment deployment(String name) {
        return client.apps().deployments().inNamespace(namespace).withName(name).get();
    }

    public List<Deployment> runtimeDeployments(String md) {
        return client.apps()
                .deployments()
                .inNamespace(namespace)
                .withLabel("gantry.dev/model-deployment", md)
                .withLabel("app.kubernetes.io/component", "runtime")
                .list()
                .getItems();
    }

    /** Plays the Deployment controller and kubelet: the Deployment reports this many ready, available pods. */
    public void reportReady(String deployment, int ready) {
        retryingConflicts(() -> client.apps()
                .deployments()
                .inNamespace(namespace)
                .withName(deployment)
                .editStatus(d -> {
                    var replicas =
                            d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
                    var status = new DeploymentStatus();
                    status.setObservedGeneration(d.getMetadata().getGeneration());
                    status.setReplicas(replicas);
                    status.setUpdatedReplicas(replicas);
                    status.setReadyReplicas(ready);
                    status.setAvailableReplicas(ready);
                    status.setConditions(List.of(new DeploymentCondition(
                            null,
                            null,
                            "MinimumReplicasAvailable",
                            ready >= replicas ? "True" : "False",
                            "True",
                            "Available")));
                    d.setStatus(status);
                    return d;
                }));
    }

    public List<Event> events(String md) {
        return client.events().v1().events().inNamespace(namespace).list().getItems().stream()
                .filter(e ->
                        e.getRegarding() != null && md.equals(e.getRegarding().getName()))
                .toList();
    }

    public boolean hasEvent(String md, String type, String reason) {
        return events(md).stream().anyMatch(e -> type.equals(e.getType()) && reason.equals(e.getReason()));
    }

    public static void eventually(ThrowingRunnable assertion) {
        await().atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(100))
                .ignoreExceptions()
                .untilAsserted(assertion);
    }
}
