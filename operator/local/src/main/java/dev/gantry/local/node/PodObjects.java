package dev.gantry.local.node;

import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodIP;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;

/** The Pod object of a local pod as the API shows it: its spec with host ports, and a status from its processes. */
final class PodObjects {

    static final String LOOPBACK = "127.0.0.1";

    private PodObjects() {}

    static Pod pod(LocalPod pod) {
        return new PodBuilder()
                .withNewMetadata()
                .withName(pod.name)
                .withNamespace(pod.namespace)
                .withLabels(pod.labels)
                .withAnnotations(pod.annotations)
                .withOwnerReferences(pod.owner)
                .withCreationTimestamp(pod.createdAt.toString())
                .withDeletionTimestamp(
                        pod.deletionTimestamp() == null
                                ? null
                                : pod.deletionTimestamp().toString())
                .endMetadata()
                .withSpec(pod.spec)
                .withStatus(status(pod))
                .build();
    }

    static PodStatus status(LocalPod pod) {
        var containers = pod.containers();
        boolean ready = pod.ready();
        boolean everStarted = containers.stream().anyMatch(c -> c.running() || c.restartCount() > 0);
        var transition = pod.readyTransition().toString();
        var created = pod.createdAt.toString();
        return new PodStatusBuilder()
                .withPhase(everStarted ? "Running" : "Pending")
                .withHostIP(LOOPBACK)
                .withHostIPs(new io.fabric8.kubernetes.api.model.HostIP(LOOPBACK))
                .withPodIP(LOOPBACK)
                .withPodIPs(new PodIP(LOOPBACK))
                .withStartTime(created)
                .withQosClass("Burstable")
                .withConditions(
                        condition("PodScheduled", true, created),
                        condition("Initialized", true, created),
                        condition("ContainersReady", ready, transition),
                        condition("Ready", ready, transition))
                .withContainerStatuses(
                        containers.stream().map(PodObjects::containerStatus).toList())
                .build();
    }

    private static PodCondition condition(String type, boolean status, String since) {
        var condition = new PodCondition();
        condition.setType(type);
        condition.setStatus(status ? "True" : "False");
        condition.setLastTransitionTime(since);
        if (!status) {
            condition.setReason("ContainersNotReady");
        }
        return condition;
    }

    private static ContainerStatus containerStatus(ContainerSnapshot c) {
        return new ContainerStatusBuilder()
                .withName(c.name())
                .withImage(c.image())
                .withImageID("")
                .withContainerID(c.pid() == null ? null : "local://" + c.pid())
                .withReady(c.ready())
                .withStarted(c.running() && c.started())
                .withRestartCount(c.restartCount())
                .withState(state(c))
                .withLastState(c.lastTermination() == null ? new ContainerState() : terminated(c.lastTermination()))
                .build();
    }

    private static ContainerState state(ContainerSnapshot c) {
        if (c.running()) {
            return new ContainerStateBuilder()
                    .withNewRunning()
                    .withStartedAt(c.runningSince().toString())
                    .endRunning()
                    .build();
        }
        if (c.terminated() != null) {
            return terminated(c.terminated());
        }
        return new ContainerStateBuilder()
                .withNewWaiting()
                .withReason(c.waitingReason())
                .withMessage(c.waitingMessage())
                .endWaiting()
                .build();
    }

    private static ContainerState terminated(ContainerSnapshot.Termination t) {
        return new ContainerStateBuilder()
                .withNewTerminated()
                .withExitCode(t.exitCode())
                .withReason(t.reason())
                .withStartedAt(t.startedAt() == null ? null : t.startedAt().toString())
                .withFinishedAt(t.finishedAt().toString())
                .endTerminated()
                .build();
    }
}
