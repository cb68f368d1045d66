package dev.gantry.operator.cli;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A pod's state in one word, the way {@code kubectl get pods} shows STATUS, plus readiness and restarts. */
record PodState(String status, int ready, int containers, int restarts) {

    private static final Set<String> FAILING = Set.of(
            "CrashLoopBackOff",
            "ImagePullBackOff",
            "ErrImagePull",
            "CreateContainerConfigError",
            "CreateContainerError",
            "InvalidImageName",
            "Error",
            "OOMKilled",
            "Unschedulable",
            "Failed");

    static PodState of(Pod pod) {
        var status = pod.getStatus();
        var containers =
                pod.getSpec() == null ? 0 : pod.getSpec().getContainers().size();
        if (status == null) {
            return new PodState("Pending", 0, containers, 0);
        }
        var statuses =
                status.getContainerStatuses() == null ? List.<ContainerStatus>of() : status.getContainerStatuses();
        int ready = (int)
                statuses.stream().filter(c -> Boolean.TRUE.equals(c.getReady())).count();
        int restarts = statuses.stream()
                .mapToInt(c -> c.getRestartCount() == null ? 0 : c.getRestartCount())
                .sum();
        return new PodState(word(pod, statuses), ready, Math.max(containers, statuses.size()), restarts);
    }

    private static String word(Pod pod, List<ContainerStatus> statuses) {
        var status = pod.getStatus();
        if (pod.getMetadata().getDeletionTimestamp() != null) {
            return "Terminating";
        }
        var init = Optional.ofNullable(status.getInitContainerStatuses()).orElse(List.of()).stream()
                .map(PodState::problem)
                .flatMap(Optional::stream)
                .findFirst();
        if (init.isPresent()) {
            return "Init:" + init.get();
        }
        var container = statuses.stream()
                .map(PodState::problem)
                .flatMap(Optional::stream)
                .findFirst();
        if (container.isPresent()) {
            return container.get();
        }
        var unschedulable = Optional.ofNullable(status.getConditions()).orElse(List.of()).stream()
                .anyMatch(c -> "PodScheduled".equals(c.getType()) && "Unschedulable".equals(c.getReason()));
        if (unschedulable) {
            return "Unschedulable";
        }
        return status.getPhase() == null ? "Pending" : status.getPhase();
    }

    /** A waiting reason, or a terminated container's reason. */
    private static Optional<String> problem(ContainerStatus container) {
        var state = container.getState();
        if (state == null) {
            return Optional.empty();
        }
        if (state.getWaiting() != null && state.getWaiting().getReason() != null) {
            return Optional.of(state.getWaiting().getReason());
        }
        if (state.getTerminated() != null
                && state.getTerminated().getExitCode() != null
                && state.getTerminated().getExitCode() != 0) {
            return Optional.ofNullable(state.getTerminated().getReason()).or(() -> Optional.of("Error"));
        }
        return Optional.empty();
    }

    /** ✔ serving, ✖ needs a person, ◌ on its way. */
    String symbol() {
        if (FAILING.contains(status) || status.startsWith("Init:") && !status.equals("Init:ContainerCreating")) {
            return "✖";
        }
        return "Running".equals(status) && ready == containers && containers > 0 ? "✔" : "◌";
    }
}
