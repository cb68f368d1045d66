package dev.gantry.operator.modelrollout;

import dev.gantry.operator.render.Labels;
import dev.gantry.operator.testing.Cluster;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Plays the Deployment controller and the kubelet in one namespace of the mock cluster: every runtime Deployment
 * gets as many pods as it asks for, on loopback, Ready unless the test says its revision crash-loops or never gets
 * ready, and reports them in its status.
 */
final class Kubelet implements AutoCloseable {

    /** What a revision's pods do. */
    enum PodHealth {
        READY,
        NEVER_READY,
        CRASH_LOOPING
    }

    private final KubernetesClient client;
    private final String namespace;
    private final Map<String, PodHealth> health = new ConcurrentHashMap<>();
    private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(r -> {
        var thread = new Thread(r, "kubelet");
        thread.setDaemon(true);
        return thread;
    });

    Kubelet(KubernetesClient client, String namespace) {
        this.client = client;
        this.namespace = namespace;
        loop.scheduleWithFixedDelay(this::syncQuietly, 0, 100, TimeUnit.MILLISECONDS);
    }

    void health(String revision, PodHealth podHealth) {
        health.put(revision, podHealth);
    }

    private void syncQuietly() {
        try {
            sync();
        } catch (KubernetesClientException | IllegalStateException e) {
            // a conflict or a race with the operator: the next round settles it
        }
    }

    private void sync() {
        var deployments = client.apps()
                .deployments()
                .inNamespace(namespace)
                .withLabel(Labels.COMPONENT, Labels.Component.RUNTIME.value())
                .list()
                .getItems();
        var live = deployments.stream().map(d -> d.getMetadata().getName()).collect(Collectors.toSet());
        for (var pod : runtimePods()) {
            if (!live.contains(owner(pod))) {
                client.resource(pod).withGracePeriod(0).delete();
            }
        }
        deployments.forEach(this::sync);
    }

    private void sync(Deployment deployment) {
        var name = deployment.getMetadata().getName();
        var revision = deployment.getMetadata().getLabels().get(Labels.REVISION);
        int wanted = deployment.getSpec().getReplicas() == null
                ? 1
                : deployment.getSpec().getReplicas();
        var pods = runtimePods().stream()
                .filter(p -> name.equals(owner(p)))
                .sorted(Comparator.comparing(p -> p.getMetadata().getName()))
                .toList();
        var names = pods.stream().map(p -> p.getMetadata().getName()).collect(Collectors.toSet());
        var podHealth = health.getOrDefault(revision, PodHealth.READY);
        for (int i = 0; names.size() < wanted; i++) {
            var podName = name + "-" + i;
            if (names.add(podName)) {
                client.resource(pod(deployment, podName, podHealth)).create();
            }
        }
        for (int i = wanted; i < pods.size(); i++) {
            client.resource(pods.get(i)).withGracePeriod(0).delete();
        }
        int ready = podHealth == PodHealth.READY ? wanted : 0;
        var status = deployment.getStatus();
        if (status == null
                || !Integer.valueOf(ready).equals(status.getReadyReplicas())
                || !Integer.valueOf(wanted).equals(status.getReplicas())) {
            var next = new DeploymentStatus();
            next.setObservedGeneration(deployment.getMetadata().getGeneration());
            next.setReplicas(wanted);
            next.setUpdatedReplicas(wanted);
            next.setReadyReplicas(ready);
            next.setAvailableReplicas(ready);
            Cluster.retryingConflicts(() -> client.apps()
                    .deployments()
                    .inNamespace(namespace)
                    .withName(name)
                    .editStatus(d -> {
                        d.setStatus(next);
                        return d;
                    }));
        }
    }

    private List<Pod> runtimePods() {
        return client.pods()
                .inNamespace(namespace)
                .withLabel(Labels.COMPONENT, Labels.Component.RUNTIME.value())
                .list()
                .getItems();
    }

    private static String owner(Pod pod) {
        var name = pod.getMetadata().getName();
        return name.substring(0, name.lastIndexOf('-'));
    }

    private Pod pod(Deployment deployment, String name, PodHealth podHealth) {
        var labels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        boolean ready = podHealth == PodHealth.READY;
        var container = new ContainerStatusBuilder()
                .withName("runtime")
                .withImage("gantry-runtime")
                .withReady(ready)
                .withRestartCount(podHealth == PodHealth.CRASH_LOOPING ? 4 : 0);
        if (podHealth == PodHealth.CRASH_LOOPING) {
            container
                    .withNewState()
                    .withNewWaiting()
                    .withReason("CrashLoopBackOff")
                    .withMessage("back-off restarting failed container")
                    .endWaiting()
                    .endState()
                    .withNewLastState()
                    .withNewTerminated()
                    .withExitCode(137)
                    .withReason("OOMKilled")
                    .endTerminated()
                    .endLastState();
        } else {
            container.withNewState().withNewRunning().endRunning().endState();
        }
        return new PodBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(namespace)
                .withLabels(labels)
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("runtime")
                .withImage("gantry-runtime")
                .endContainer()
                .endSpec()
                .withNewStatus()
                .withPhase("Running")
                .withPodIP("127.0.0.1")
                .withConditions(new PodConditionBuilder()
                        .withType("Ready")
                        .withStatus(ready ? "True" : "False")
                        .build())
                .withContainerStatuses(container.build())
                .endStatus()
                .build();
    }

    @Override
    public void close() {
        loop.shutdownNow();
        try {
            loop.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
