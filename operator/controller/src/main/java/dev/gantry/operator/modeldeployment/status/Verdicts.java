package dev.gantry.operator.modeldeployment.status;

import dev.gantry.api.v1alpha1.deployment.UpdateStrategySpec;
import dev.gantry.operator.render.Durations;
import io.fabric8.kubernetes.api.model.IntOrString;

/**
 * The three conditions of a ModelDeployment, decided together: Ready (enough pods answer), Progressing (a
 * revision or the pod count is changing) and Degraded (something needs a person).
 */
record Verdicts(
        boolean ready,
        Reason readyReason,
        String readyMessage,
        boolean progressing,
        Reason progressingReason,
        String progressingMessage,
        boolean degraded,
        Reason degradedReason,
        String degradedMessage) {

    static Verdicts of(StatusInputs in, RuntimeHealth health, int serving) {
        if (!in.problems().isEmpty()) {
            var reason = in.problems().get(0).reason();
            var message = StatusFactory.describe(in.problems());
            return new Verdicts(
                    false,
                    reason,
                    message + ". Running pods were left as they were.",
                    false,
                    reason,
                    "Nothing is applied until this is fixed: " + message,
                    true,
                    reason,
                    message);
        }
        int desired = in.desiredReplicas();
        var split = in.split();
        var revision = split.stableRevision();

        boolean ready;
        Reason readyReason;
        String readyMessage;
        int threshold = Math.max(1, desired - unavailable(in, desired));
        var blocking = health.blocking();
        if (desired == 0) {
            ready = false;
            readyReason = Reason.ScaledToZero;
            readyMessage = "0 pods are desired: nothing serves the model";
        } else if (serving >= threshold) {
            ready = true;
            readyReason = Reason.Available;
            readyMessage = serving + " of " + desired + " pods ready; revision " + revision + " is stable";
        } else if (!blocking.isEmpty()) {
            ready = false;
            readyReason = blocking.get(0).reason();
            readyMessage = serving + " of " + desired + " pods ready: "
                    + blocking.get(0).message();
        } else if (health.loadingPods() > 0) {
            ready = false;
            readyReason = Reason.ModelLoading;
            readyMessage = serving + " of " + desired + " pods ready; " + health.loadingPods()
                    + " loading the model (startup budget " + startupBudget(in) + ")";
        } else {
            ready = false;
            readyReason = Reason.MinimumReplicasUnavailable;
            readyMessage = serving + " of " + desired + " pods ready; waiting for pods to be created and started";
        }

        var deadline = health.findings().stream()
                .filter(f -> f.reason() == Reason.ProgressDeadlineExceeded)
                .findFirst();
        boolean progressing;
        Reason progressingReason;
        String progressingMessage;
        if (deadline.isPresent()) {
            progressing = false;
            progressingReason = Reason.ProgressDeadlineExceeded;
            progressingMessage = deadline.get().message();
        } else if (split.fromRollout()
                && !split.hasCandidate()
                && !split.stableRevision().equals(in.currentRevision())) {
            progressing = false;
            progressingReason = Reason.RevisionHeldBack;
            progressingMessage = "ModelRollout " + split.activeRollout() + " holds revision " + in.currentRevision()
                    + " back; revision " + revision + " serves (kubectl describe mr " + split.activeRollout() + ")";
        } else if (!split.steady()) {
            progressing = true;
            progressingReason = Reason.RevisionRollingOut;
            progressingMessage = rollingOut(in);
        } else if (serving < desired) {
            progressing = true;
            progressingReason = health.loadingPods() > 0 ? Reason.ModelLoading : Reason.MinimumReplicasUnavailable;
            progressingMessage = "waiting for " + (desired - serving) + " of " + desired + " pods of revision "
                    + revision + " to become ready";
        } else {
            progressing = false;
            progressingReason = Reason.RevisionAvailable;
            progressingMessage = "revision " + revision + " serves with all " + desired + " pods";
        }

        boolean degraded;
        Reason degradedReason;
        String degradedMessage;
        if (!health.findings().isEmpty()) {
            var worst = health.findings().get(0);
            degraded = true;
            degradedReason = worst.reason();
            degradedMessage = worst.message() + (worst.pods() > 1 ? " (and " + (worst.pods() - 1) + " more pods)" : "");
        } else if (in.gatewayMissing()) {
            degraded = true;
            degradedReason = Reason.GatewayApiMissing;
            degradedMessage = "spec.gateway is set but the Gateway API CRDs are not installed: no HTTPRoute was"
                    + " created; install Gateway API or remove spec.gateway";
        } else {
            degraded = false;
            degradedReason = Reason.AsExpected;
            degradedMessage = "all children match the spec";
        }
        return new Verdicts(
                ready,
                readyReason,
                readyMessage,
                progressing,
                progressingReason,
                progressingMessage,
                degraded,
                degradedReason,
                degradedMessage);
    }

    private static String rollingOut(StatusInputs in) {
        var split = in.split();
        if (split.fromRollout() && split.hasCandidate()) {
            return "ModelRollout " + split.activeRollout() + " sends " + split.candidateWeight() + "% to revision "
                    + split.candidateRevision();
        }
        if (split.fromRollout()) {
            return "ModelRollout " + split.activeRollout() + " made revision " + split.stableRevision()
                    + " stable; the old revision stops after the scale-down delay";
        }
        var target = split.hasCandidate() ? split.candidateRevision() : split.stableRevision();
        var deployment = in.runtimeDeployments().get(target);
        int ready = deployment == null
                        || deployment.getStatus() == null
                        || deployment.getStatus().getReadyReplicas() == null
                ? 0
                : deployment.getStatus().getReadyReplicas();
        return "replacing "
                + String.join(
                        ", ",
                        split.liveRevisions().stream()
                                .filter(r -> !r.equals(target))
                                .toList()) + " with revision " + target + ": " + ready + " of " + in.desiredReplicas()
                + " pods ready";
    }

    private static int unavailable(StatusInputs in, int desired) {
        var strategy = in.md().getSpec().getUpdateStrategy();
        IntOrString value =
                strategy == null ? new UpdateStrategySpec().getMaxUnavailable() : strategy.getMaxUnavailable();
        if (value == null) {
            return 0;
        }
        if (value.getIntVal() != null) {
            return value.getIntVal();
        }
        var text = value.getStrVal();
        try {
            return text.endsWith("%")
                    ? (int) Math.floor(desired * Double.parseDouble(text.substring(0, text.length() - 1)) / 100.0)
                    : Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String startupBudget(StatusInputs in) {
        var runtime = in.md().getSpec().getRuntime();
        var timeout = runtime == null ? "10m" : runtime.getStartup().getTimeout();
        return Durations.parse(timeout).toString().substring(2).toLowerCase(java.util.Locale.ROOT);
    }
}
