package dev.gantry.operator.modelrollout;

import dev.gantry.api.v1alpha1.ModelRollout;
import dev.gantry.api.v1alpha1.ModelRolloutSpec;
import dev.gantry.api.v1alpha1.ModelRolloutStatus;
import dev.gantry.api.v1alpha1.rollout.FailedCandidatePolicy;
import dev.gantry.api.v1alpha1.rollout.Measurement;
import dev.gantry.api.v1alpha1.rollout.MetricSpec;
import dev.gantry.api.v1alpha1.rollout.RolloutRecord;
import dev.gantry.api.v1alpha1.rollout.RolloutResult;
import dev.gantry.api.v1alpha1.rollout.RolloutSplit;
import dev.gantry.api.v1alpha1.rollout.TrafficRouter;
import dev.gantry.operator.render.Durations;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One reconcile of one ModelRollout as the state machine sees it: the spec, a working copy of the status that the
 * machine edits, what was observed, the commands, and what it decided besides the status (Events, when to look
 * again). Built fresh for every reconcile from the resource alone, which is what makes restarts harmless.
 */
final class Rollout {

    static final int MAX_MEASUREMENTS = 20;
    static final int MAX_FAILED_CHECKS = 10;
    static final int MAX_HISTORY = 10;

    /** An Event to record once the status is written. */
    record Event(boolean warning, String reason, String note) {}

    final ModelRollout resource;
    final ModelRolloutSpec spec;
    final ModelRolloutStatus status;
    final Observation seen;
    final Commands commands;
    final Checks checks;
    final Instant now;
    final List<Steps.Step> steps;
    final List<Event> events = new ArrayList<>();
    /** Why the rollout cannot run, when a hold decided so this reconcile (its Healthy condition's reason). */
    String notHealthy;

    private final Duration pollInterval;
    private Duration wake;

    Rollout(
            ModelRollout resource,
            ModelRolloutStatus status,
            Observation seen,
            Commands commands,
            Checks checks,
            Instant now,
            Duration pollInterval) {
        this.resource = resource;
        this.spec = resource.getSpec();
        this.status = status;
        this.seen = seen;
        this.commands = commands;
        this.checks = checks;
        this.now = now.truncatedTo(ChronoUnit.MILLIS);
        this.steps = Steps.of(spec);
        this.pollInterval = pollInterval;
    }

    String name() {
        return resource.getMetadata().getName();
    }

    String namespace() {
        return resource.getMetadata().getNamespace();
    }

    String target() {
        return spec.getTargetRef().getName();
    }

    boolean blueGreen() {
        return spec.getStrategy().getBlueGreen() != null;
    }

    /** Blue-green switches the active Service, which is the replica-ratio router at weights 0 and 100. */
    TrafficRouter router() {
        var canary = spec.getStrategy().getCanary();
        if (canary == null) {
            return TrafficRouter.ReplicaRatio;
        }
        return canary.getTrafficRouter() == null ? TrafficRouter.GatewayAPI : canary.getTrafficRouter();
    }

    RolloutSplit split() {
        if (status.getSplit() == null) {
            status.setSplit(new RolloutSplit());
        }
        return status.getSplit();
    }

    String candidate() {
        return status.getCandidateRevision();
    }

    String stable() {
        return status.getStableRevision();
    }

    int stepIndex() {
        return status.getCurrentStepIndex() == null ? 0 : status.getCurrentStepIndex();
    }

    Instant stepStartedAt() {
        return status.getStepStartedAt() == null ? now : Instant.parse(status.getStepStartedAt());
    }

    static String time(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    String nowText() {
        return time(now);
    }

    Duration interval() {
        return Durations.parse(spec.getAnalysis().getInterval());
    }

    Duration progressDeadline() {
        return Durations.parse(spec.getRollback().getProgressDeadline());
    }

    Duration scaleDownDelay() {
        var canary = spec.getStrategy().getCanary();
        return Durations.parse(
                canary != null
                        ? canary.getScaleDownDelay()
                        : spec.getStrategy().getBlueGreen().getScaleDownDelay());
    }

    boolean automaticRollback() {
        return !Boolean.FALSE.equals(spec.getRollback().getAutomatic());
    }

    boolean keepFailedCandidate() {
        return spec.getRollback().getOnFailure() == FailedCandidatePolicy.Keep;
    }

    List<String> metricNames() {
        var metrics = spec.getAnalysis().getMetrics();
        return metrics == null
                ? List.of()
                : metrics.stream().map(MetricSpec::getName).toList();
    }

    List<MetricSpec> metrics(List<String> names) {
        var metrics = spec.getAnalysis().getMetrics();
        return metrics == null
                ? List.of()
                : metrics.stream().filter(m -> names.contains(m.getName())).toList();
    }

    void normal(String reason, String note) {
        events.add(new Event(false, reason, note));
    }

    void warning(String reason, String note) {
        events.add(new Event(true, reason, note));
    }

    void message(String text) {
        status.setMessage(text);
    }

    /** Look again after {@code delay} at the latest. */
    void wakeIn(Duration delay) {
        var d = delay.isNegative() ? Duration.ZERO : delay;
        wake = wake == null || d.compareTo(wake) < 0 ? d : wake;
    }

    void wakeAt(Instant at) {
        wakeIn(Duration.between(now, at));
    }

    /** Look again soon: something is expected to change (pods, the router). */
    void poll() {
        wakeIn(pollInterval);
    }

    Optional<Duration> wake() {
        return Optional.ofNullable(wake);
    }

    void measurement(Measurement measurement) {
        status.getMeasurements().add(0, measurement);
        trim(status.getMeasurements(), MAX_MEASUREMENTS);
    }

    void failedCheck(Measurement measurement) {
        status.getFailedChecks().add(0, measurement);
        trim(status.getFailedChecks(), MAX_FAILED_CHECKS);
    }

    void history(RolloutResult result, String reason, String message) {
        var record = new RolloutRecord();
        record.setRevision(candidate());
        record.setFromRevision(stable());
        record.setResult(result);
        record.setReason(reason);
        record.setMessage(message);
        record.setStartedAt(status.getRolloutStartedAt());
        record.setFinishedAt(nowText());
        status.getHistory().add(0, record);
        trim(status.getHistory(), MAX_HISTORY);
    }

    /** The kubectl one-liner for an annotation, for messages. */
    String command(String annotation) {
        return "kubectl annotate mr " + name() + " -n " + namespace() + " " + annotation;
    }

    private static <T> void trim(List<T> list, int max) {
        while (list.size() > max) {
            list.remove(list.size() - 1);
        }
    }
}
