package dev.gantry.operator.cli;

import dev.gantry.api.v1alpha1.ModelDeployment;
import dev.gantry.api.v1alpha1.ModelRollout;
import dev.gantry.api.v1alpha1.rollout.Measurement;
import dev.gantry.api.v1alpha1.rollout.RolloutPhase;
import dev.gantry.api.v1alpha1.rollout.StepState;
import io.fabric8.kubernetes.api.model.Condition;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code kubectl gantry status} as text: the ModelDeployment's health, the rollout's phase, steps and measurements,
 * then the tree of revisions and pods ({@link RevisionTree}). A pure function of a snapshot and the time.
 */
final class StatusView {

    private final StringBuilder out = new StringBuilder();
    private final Instant now;

    private StatusView(Instant now) {
        this.now = now;
    }

    static String render(StatusSnapshot snapshot, Instant now) {
        var view = new StatusView(now);
        view.deployment(snapshot.md());
        snapshot.rollout().ifPresent(view::rollout);
        view.out.append('\n').append(RevisionTree.render(snapshot.md(), snapshot.pods(), now));
        return view.out.toString();
    }

    private void deployment(ModelDeployment md) {
        var status = md.getStatus();
        field("Name", md.getMetadata().getName());
        field("Namespace", md.getMetadata().getNamespace());
        field("Status", health(md));
        if (status == null) {
            return;
        }
        condition(status.getConditions(), "Degraded")
                .filter(c -> "True".equals(c.getStatus()))
                .or(() -> condition(status.getConditions(), "Ready").filter(c -> !"True".equals(c.getStatus())))
                .map(Condition::getMessage)
                .filter(m -> m != null && !m.isBlank())
                .ifPresent(m -> field("Message", m));
        field("Ready", status.getReady());
        field("Model", status.getStableModel());
        if (status.getCurrentRevision() != null) {
            field(
                    "Revision",
                    status.getCurrentRevision().equals(status.getStableRevision())
                            ? status.getCurrentRevision() + " (stable)"
                            : status.getCurrentRevision() + " (stable: " + status.getStableRevision() + ")");
        }
        field("URL", status.getUrl());
        if (status.getCache() != null && status.getCache().getMode() != null) {
            var cache = status.getCache();
            field(
                    "Cache",
                    cache.getMode()
                            + (cache.getEndpoint() == null ? "" : " " + cache.getEndpoint())
                            + (cache.getReady() == null ? "" : cache.getReady() ? ", ready" : ", not ready"));
        }
    }

    /** One word for the ModelDeployment, judged as the Argo CD health check judges it. */
    static String health(ModelDeployment md) {
        var status = md.getStatus();
        if (status == null) {
            return "◌ Progressing (waiting for the operator)";
        }
        var generation = md.getMetadata().getGeneration();
        if (generation != null
                && status.getObservedGeneration() != null
                && status.getObservedGeneration() < generation) {
            return "◌ Progressing (waiting for the operator to observe generation " + generation + ")";
        }
        var degraded = condition(status.getConditions(), "Degraded").filter(c -> "True".equals(c.getStatus()));
        if (degraded.isPresent()) {
            return "✖ Degraded (" + degraded.get().getReason() + ")";
        }
        var progressing = condition(status.getConditions(), "Progressing").filter(c -> "True".equals(c.getStatus()));
        if (progressing.isPresent()) {
            return "◌ Progressing (" + progressing.get().getReason() + ")";
        }
        var ready = condition(status.getConditions(), "Ready");
        if (ready.isPresent() && "True".equals(ready.get().getStatus())) {
            return "✔ Healthy";
        }
        return "◌ " + ready.map(Condition::getReason).orElse("Progressing");
    }

    private void rollout(ModelRollout rollout) {
        var status = rollout.getStatus();
        out.append('\n');
        field("Rollout", rollout.getMetadata().getName());
        if (status == null || status.getPhase() == null) {
            field("  Phase", "◌ waiting for the operator");
            return;
        }
        field(
                "  Strategy",
                status.getStrategy() + (status.getRouter() == null ? "" : ", router " + status.getRouter()));
        field(
                "  Phase",
                symbol(status.getPhase()) + " " + status.getPhase()
                        + (Boolean.TRUE.equals(rollout.getSpec().getPaused()) ? " (spec.paused)" : ""));
        field("  Step", status.getStep());
        if (status.getCurrentWeight() != null) {
            field(
                    "  Weight",
                    status.getCurrentWeight() + "%"
                            + (status.getWeightNote() == null ? "" : " (" + status.getWeightNote() + ")"));
        }
        field(
                "  Revisions",
                "stable " + status.getStableRevision()
                        + (status.getCandidateRevision() == null
                                ? ""
                                : ", candidate " + status.getCandidateRevision()));
        field("  Message", status.getMessage());
        if (!status.getSteps().isEmpty()) {
            out.append("  Steps:\n");
            for (var step : status.getSteps()) {
                out.append("    ")
                        .append(stepSymbol(step.getState()))
                        .append(' ')
                        .append(step.getIndex())
                        .append(". ")
                        .append(step.getDescription())
                        .append('\n');
            }
        }
        measurements("  Analysis:", status.getMeasurements());
        measurements("  Failed checks:", status.getFailedChecks());
    }

    private void measurements(String title, List<Measurement> measurements) {
        if (measurements.isEmpty()) {
            return;
        }
        out.append(title).append('\n');
        var rows = new java.util.ArrayList<List<String>>();
        rows.add(List.of("METRIC", "REVISION", "VALUE", "CONDITION", "RESULT", "AGE", "MESSAGE"));
        for (var m : measurements) {
            rows.add(List.of(
                    text(m.getMetric()),
                    text(m.getRevision()),
                    text(m.getValue()),
                    text(m.getCondition()),
                    m.getVerdict() == null ? "" : verdictSymbol(m) + " " + m.getVerdict(),
                    Ages.since(m.getTime(), now),
                    text(m.getMessage())));
        }
        Table.append(out, "    ", rows);
    }

    private static String verdictSymbol(Measurement m) {
        return switch (m.getVerdict()) {
            case Passed -> "✔";
            case Failed, Error -> "✖";
            case Inconclusive -> "?";
        };
    }

    static String symbol(RolloutPhase phase) {
        return switch (phase) {
            case Idle, Succeeded -> "✔";
            case Progressing, Promoting -> "◌";
            case Paused -> "॥";
            case RolledBack, Failed -> "✖";
        };
    }

    private static String stepSymbol(StepState state) {
        if (state == null) {
            return "○";
        }
        return switch (state) {
            case Completed -> "✔";
            case Current -> "►";
            case Pending -> "○";
        };
    }

    private void field(String name, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        out.append(String.format("%-14s %s%n", name + ":", value));
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static Optional<Condition> condition(List<Condition> conditions, String type) {
        return conditions == null
                ? Optional.empty()
                : conditions.stream().filter(c -> type.equals(c.getType())).findFirst();
    }
}
