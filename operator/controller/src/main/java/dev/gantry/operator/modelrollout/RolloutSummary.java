package dev.gantry.operator.modelrollout;

import dev.gantry.api.v1alpha1.ModelRolloutStatus;
import dev.gantry.api.v1alpha1.rollout.RolloutPhase;
import dev.gantry.api.v1alpha1.rollout.StepState;
import dev.gantry.api.v1alpha1.rollout.StepStatus;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What {@code kubectl get mr} and {@code kubectl describe mr} show, derived from the state after the machine ran:
 * the weight as applied, the step column, the step list with the current one marked, and the conditions
 * Progressing, Healthy, Paused and Completed. The one place that builds them.
 */
final class RolloutSummary {

    private RolloutSummary() {}

    /** Where the rollout stands, for messages: {@code at step 3/9 (setWeight 25)}. */
    static String where(Rollout r) {
        if (r.status.getPromotion() != null) {
            return "during promotion";
        }
        if (r.candidate() != null && !Gate.passed(r)) {
            return "before any traffic (bringing up and evaluating the candidate)";
        }
        int index = r.stepIndex();
        if (index >= r.steps.size()) {
            return "after the last step";
        }
        return "at step " + (index + 1) + "/" + r.steps.size() + " ("
                + Steps.describe(r.steps.get(index), r.metricNames()) + ")";
    }

    /** Remembers, for this reconcile, why a Failed or waiting rollout is not healthy. */
    static void failedBecause(Rollout r, String reason) {
        r.notHealthy = reason;
    }

    static void finish(Rollout r, ModelRolloutStatus previous) {
        var status = r.status;
        var phase = status.getPhase() == null ? RolloutPhase.Idle : status.getPhase();
        status.setPhase(phase);
        boolean active = status.getCandidateRevision() != null
                && phase != RolloutPhase.Idle
                && phase != RolloutPhase.Succeeded
                && phase != RolloutPhase.Failed;
        status.setCurrentWeight(active ? r.seen.candidateShare() : null);
        status.setRouter(
                status.getSplit() == null
                        ? null
                        : r.blueGreen() ? "ActiveService" : r.router().name());
        status.setWeightNote(active ? r.seen.readyPodsNote() : null);
        status.setStep(active || phase == RolloutPhase.Succeeded ? stepText(r, phase) : null);
        status.setSteps(steps(r, phase));
        status.setConditions(conditions(r, phase, previous));
    }

    private static String stepText(Rollout r, RolloutPhase phase) {
        int total = r.steps.size();
        int index = phase == RolloutPhase.Succeeded ? total : Math.min(r.stepIndex() + 1, total);
        return index + "/" + total;
    }

    private static List<StepStatus> steps(Rollout r, RolloutPhase phase) {
        var result = new ArrayList<StepStatus>();
        int current = r.status.getCandidateRevision() == null && phase != RolloutPhase.Succeeded
                ? -1
                : phase == RolloutPhase.Succeeded ? r.steps.size() + 1 : r.stepIndex();
        var names = r.metricNames();
        for (int i = 0; i <= r.steps.size(); i++) {
            var step = new StepStatus();
            step.setIndex(i + 1);
            step.setDescription(
                    i < r.steps.size()
                            ? Steps.describe(r.steps.get(i), names)
                            : "promote, then scale the old revision down after " + Steps.text(r.scaleDownDelay()));
            step.setState(
                    current < 0 || i > current
                            ? StepState.Pending
                            : i < current ? StepState.Completed : StepState.Current);
            result.add(step);
        }
        return result;
    }

    private static List<Condition> conditions(Rollout r, RolloutPhase phase, ModelRolloutStatus previous) {
        var old = previous == null ? List.<Condition>of() : previous.getConditions();
        var message = r.status.getMessage() == null ? "" : r.status.getMessage();
        var generation = r.resource.getMetadata().getGeneration();
        var result = new ArrayList<Condition>();
        boolean moving = phase == RolloutPhase.Progressing || phase == RolloutPhase.Promoting;
        result.add(condition(r, old, "Progressing", moving, phase.name(), message, generation));
        var unhealthy = unhealthyReason(r, phase, old);
        result.add(condition(
                r,
                old,
                "Healthy",
                unhealthy == null,
                unhealthy == null ? "AsExpected" : unhealthy,
                unhealthy == null ? "no check failed" : message,
                generation));
        boolean paused = phase == RolloutPhase.Paused;
        result.add(condition(
                r,
                old,
                "Paused",
                paused,
                paused && r.status.getPauseReason() != null ? r.status.getPauseReason() : "NotPaused",
                paused ? message : "not paused",
                generation));
        boolean completed = phase == RolloutPhase.Succeeded;
        result.add(condition(r, old, "Completed", completed, phase.name(), message, generation));
        return result;
    }

    private static String unhealthyReason(Rollout r, RolloutPhase phase, List<Condition> old) {
        if (r.notHealthy != null) {
            return r.notHealthy;
        }
        if (phase == RolloutPhase.RolledBack) {
            var history = r.status.getHistory();
            return history.isEmpty() ? "RolledBack" : history.get(0).getReason();
        }
        if (phase == RolloutPhase.Paused && PauseReasons.CHECK_FAILED.equals(r.status.getPauseReason())) {
            return "CheckFailed";
        }
        if (phase == RolloutPhase.Failed) {
            return old.stream()
                    .filter(c -> "Healthy".equals(c.getType()) && "False".equals(c.getStatus()))
                    .map(Condition::getReason)
                    .findFirst()
                    .orElse(Holds.INVALID_SPEC);
        }
        return null;
    }

    private static Condition condition(
            Rollout r,
            List<Condition> previous,
            String type,
            boolean value,
            String reason,
            String message,
            Long generation) {
        var text = value ? "True" : "False";
        var since = previous.stream()
                .filter(c -> Objects.equals(type, c.getType()) && text.equals(c.getStatus()))
                .map(Condition::getLastTransitionTime)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(Rollout.time(r.now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
        return new ConditionBuilder()
                .withType(type)
                .withStatus(text)
                .withReason(reason)
                .withMessage(message)
                .withObservedGeneration(generation)
                .withLastTransitionTime(since)
                .build();
    }
}
