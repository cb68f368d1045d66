package dev.gantry.operator.modeldeployment.status;

import dev.gantry.operator.render.Labels;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

/**
 * Reads pods and Deployments into findings: image pulls failing, containers crash-looping, model downloads
 * failing, pods unschedulable, Deployments out of progress, and how many pods are still loading the model.
 *
 * @param findings problems, most severe first, one per reason
 * @param loadingPods runtime pods running but not yet ready (the model is loading)
 */
public record RuntimeHealth(List<Finding> findings, int loadingPods) {

    private static final Set<String> IMAGE_PULL =
            Set.of("ErrImagePull", "ImagePullBackOff", "InvalidImageName", "ErrImageNeverPull");
    private static final Set<String> CONFIG_ERRORS = Set.of("CreateContainerConfigError", "CreateContainerError");

    public static RuntimeHealth assess(Collection<Pod> pods, Collection<Deployment> runtimeDeployments) {
        var byReason = new LinkedHashMap<Reason, Finding>();
        int loading = 0;
        for (var pod : pods) {
            if (pod.getMetadata().getDeletionTimestamp() != null || pod.getStatus() == null) {
                continue;
            }
            boolean cache = Labels.Component.CACHE
                    .value()
                    .equals(pod.getMetadata().getLabels().get(Labels.COMPONENT));
            for (var finding : podFindings(pod)) {
                var reason = cache ? Reason.CacheUnavailable : finding.reason();
                var message = cache ? "managed Redis: " + finding.message() : finding.message();
                byReason.merge(
                        reason,
                        new Finding(reason, message, 1),
                        (a, b) -> new Finding(a.reason(), a.message(), a.pods() + 1));
            }
            if (!cache && runningNotReady(pod)) {
                loading++;
            }
        }
        for (var deployment : runtimeDeployments) {
            deploymentFindings(deployment).forEach(f -> byReason.putIfAbsent(f.reason(), f));
        }
        var findings = new ArrayList<>(byReason.values());
        findings.sort(Comparator.comparingInt(f -> Finding.severity(f.reason())));
        return new RuntimeHealth(List.copyOf(findings), loading);
    }

    private static List<Finding> podFindings(Pod pod) {
        var name = pod.getMetadata().getName();
        var findings = new ArrayList<Finding>();
        var status = pod.getStatus();
        if (status.getConditions() != null) {
            status.getConditions().stream()
                    .filter(c -> "PodScheduled".equals(c.getType()) && "False".equals(c.getStatus()))
                    .filter(c -> "Unschedulable".equals(c.getReason()))
                    .findFirst()
                    .ifPresent(c -> findings.add(new Finding(
                            Reason.Unschedulable, "pod " + name + " cannot be scheduled: " + c.getMessage(), 1)));
        }
        if (status.getInitContainerStatuses() != null) {
            for (var container : status.getInitContainerStatuses()) {
                containerFinding(name, container, true).ifPresent(findings::add);
            }
        }
        if (status.getContainerStatuses() != null) {
            for (var container : status.getContainerStatuses()) {
                containerFinding(name, container, false).ifPresent(findings::add);
            }
        }
        return findings;
    }

    private static java.util.Optional<Finding> containerFinding(String pod, ContainerStatus container, boolean init) {
        var waiting = container.getState() == null ? null : container.getState().getWaiting();
        var where = "container " + container.getName() + " of pod " + pod;
        if (waiting != null && IMAGE_PULL.contains(waiting.getReason())) {
            return java.util.Optional.of(new Finding(
                    Reason.ImagePullFailing,
                    where + " cannot pull image " + container.getImage() + ": "
                            + text(waiting.getMessage(), waiting.getReason()),
                    1));
        }
        if (waiting != null && CONFIG_ERRORS.contains(waiting.getReason())) {
            return java.util.Optional.of(new Finding(
                    Reason.ContainerConfigError, where + ": " + text(waiting.getMessage(), waiting.getReason()), 1));
        }
        boolean crashLoop = waiting != null && "CrashLoopBackOff".equals(waiting.getReason());
        var failedInit = init
                && container.getState() != null
                && container.getState().getTerminated() != null
                && container.getState().getTerminated().getExitCode() != null
                && container.getState().getTerminated().getExitCode() != 0;
        if (!crashLoop && !failedInit) {
            return java.util.Optional.empty();
        }
        var last = container.getLastState() == null
                ? null
                : container.getLastState().getTerminated();
        if (last == null && container.getState() != null) {
            last = container.getState().getTerminated();
        }
        var detail = last == null
                ? "restarted " + container.getRestartCount() + " times"
                : "exited with code " + last.getExitCode()
                        + (last.getReason() == null ? "" : " (" + last.getReason() + ")")
                        + (last.getMessage() == null || last.getMessage().isBlank()
                                ? ""
                                : ": " + last.getMessage().strip())
                        + ", restarted " + container.getRestartCount() + " times";
        var reason = init ? Reason.ModelDownloadFailing : Reason.CrashLooping;
        return java.util.Optional.of(new Finding(reason, where + " " + detail, 1));
    }

    private static List<Finding> deploymentFindings(Deployment deployment) {
        var findings = new ArrayList<Finding>();
        var status = deployment.getStatus();
        if (status == null || status.getConditions() == null) {
            return findings;
        }
        var name = deployment.getMetadata().getName();
        for (var condition : status.getConditions()) {
            if ("ReplicaFailure".equals(condition.getType()) && "True".equals(condition.getStatus())) {
                findings.add(new Finding(
                        Reason.ReplicaFailure,
                        "Deployment " + name + " cannot create pods: " + condition.getMessage(),
                        0));
            }
            if ("Progressing".equals(condition.getType())
                    && "False".equals(condition.getStatus())
                    && "ProgressDeadlineExceeded".equals(condition.getReason())) {
                findings.add(new Finding(
                        Reason.ProgressDeadlineExceeded, "Deployment " + name + ": " + condition.getMessage(), 0));
            }
        }
        return findings;
    }

    private static boolean runningNotReady(Pod pod) {
        var statuses = pod.getStatus().getContainerStatuses();
        if (statuses == null || statuses.isEmpty()) {
            return false;
        }
        return statuses.stream()
                .anyMatch(c -> c.getState() != null
                        && c.getState().getRunning() != null
                        && !Boolean.TRUE.equals(c.getReady()));
    }

    private static String text(String message, String fallback) {
        return message == null || message.isBlank() ? fallback : message;
    }

    /** Findings that keep pods from serving, in severity order. */
    public List<Finding> blocking() {
        return findings.stream()
                .filter(f -> f.reason() != Reason.CacheUnavailable)
                .toList();
    }
}
