package dev.gantry.operator.modelrollout;

import dev.gantry.api.v1alpha1.rollout.AnalysisRun;
import dev.gantry.api.v1alpha1.rollout.AnalysisStep;
import dev.gantry.api.v1alpha1.rollout.InconclusivePolicy;
import dev.gantry.api.v1alpha1.rollout.Measurement;
import dev.gantry.api.v1alpha1.rollout.MetricSpec;
import dev.gantry.api.v1alpha1.rollout.MetricTally;
import dev.gantry.api.v1alpha1.rollout.Verdict;
import dev.gantry.operator.analysis.MetricResult;
import dev.gantry.operator.analysis.WindowContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one analysis interval by interval: at each interval's end every metric is measured once, tallied, and the
 * analysis judged. More failures than {@code failureLimit} or more consecutive errors than
 * {@code consecutiveErrorLimit} for a metric fail it; an inconclusive measurement pauses it (by default); once
 * every metric has {@code measurements} passes it passes. Its progress lives in {@code status.analysisRun}.
 */
final class AnalysisRunner {

    /** Where an analysis stands after this reconcile. */
    enum Outcome {
        PENDING,
        PASSED,
        FAILED,
        INCONCLUSIVE
    }

    /** The outcome, and for FAILED the measurement that decided it. */
    record Result(Outcome outcome, Measurement decisive) {}

    private AnalysisRunner() {}

    static Result run(Rollout r, String name, String revision, AnalysisStep step) {
        var metrics = r.metrics(Steps.metrics(step, r.metricNames()));
        if (metrics.isEmpty()) {
            return new Result(Outcome.PASSED, null);
        }
        var existing = r.status.getAnalysisRun();
        if (existing == null || !name.equals(existing.getName()) || !revision.equals(existing.getRevision())) {
            var run = newRun(name, revision, step, metrics);
            r.status.setAnalysisRun(run);
            startWindow(r, run, metrics);
            return pending(r, run);
        }
        var run = existing;
        var end = Instant.parse(run.getWindowStartedAt()).plus(r.interval());
        if (r.now.isBefore(end)) {
            r.wakeAt(end);
            return pending(r, run);
        }
        var results = r.checks.measure(window(r, run), metrics);
        if (results.isEmpty()) {
            // The built-in baseline is gone (the operator restarted): this interval starts again.
            startWindow(r, run, metrics);
            return pending(r, run);
        }
        var inconclusive = false;
        for (var result : results.get()) {
            var measurement = Measurements.of(r, revision, result);
            r.measurement(measurement);
            tally(run, result, r.spec.getAnalysis().getInconclusive());
            inconclusive |= result.verdict() == Verdict.Inconclusive;
            if (result.verdict() == Verdict.Failed) {
                r.warning(
                        "AnalysisFailed",
                        "the " + name + " analysis of revision " + revision + ": "
                                + Measurements.describe(measurement));
            } else if (result.verdict() == Verdict.Error) {
                r.warning(
                        "MeasurementError",
                        "the " + name + " analysis of revision " + revision + ": "
                                + Measurements.describe(measurement));
            }
        }
        var verdict = judge(r, run, results.get(), revision);
        if (verdict != null) {
            return verdict;
        }
        if (inconclusive && r.spec.getAnalysis().getInconclusive() == InconclusivePolicy.Pause) {
            return new Result(Outcome.INCONCLUSIVE, null);
        }
        int needed = run.getMeasurements();
        if (run.getMetrics().stream().allMatch(t -> t.getPassed() >= needed)) {
            return new Result(Outcome.PASSED, null);
        }
        startWindow(r, run, metrics);
        return pending(r, run);
    }

    private static Result judge(Rollout r, AnalysisRun run, List<MetricResult> results, String revision) {
        var analysis = r.spec.getAnalysis();
        int failureLimit = analysis.getFailureLimit() == null ? 0 : analysis.getFailureLimit();
        int errorLimit = analysis.getConsecutiveErrorLimit() == null ? 4 : analysis.getConsecutiveErrorLimit();
        for (var tally : run.getMetrics()) {
            var last = results.stream()
                    .filter(m -> m.metric().equals(tally.getName()))
                    .findFirst()
                    .map(m -> Measurements.of(r, revision, m))
                    .orElse(null);
            if (tally.getFailed() > failureLimit) {
                return new Result(Outcome.FAILED, last);
            }
            if (tally.getConsecutiveErrors() > errorLimit) {
                return new Result(Outcome.FAILED, last);
            }
        }
        return null;
    }

    static void tally(AnalysisRun run, MetricResult result, InconclusivePolicy policy) {
        var tally = run.getMetrics().stream()
                .filter(t -> t.getName().equals(result.metric()))
                .findFirst()
                .orElseThrow();
        var verdict = result.verdict();
        if (verdict == Verdict.Inconclusive && policy == InconclusivePolicy.Pass) {
            verdict = Verdict.Passed;
        } else if (verdict == Verdict.Inconclusive && policy == InconclusivePolicy.Fail) {
            verdict = Verdict.Failed;
        }
        switch (verdict) {
            case Passed -> tally.setPassed(tally.getPassed() + 1);
            case Failed -> tally.setFailed(tally.getFailed() + 1);
            case Inconclusive -> tally.setInconclusive(tally.getInconclusive() + 1);
            case Error -> tally.setErrors(tally.getErrors() + 1);
        }
        tally.setConsecutiveErrors(verdict == Verdict.Error ? tally.getConsecutiveErrors() + 1 : 0);
    }

    private static AnalysisRun newRun(String name, String revision, AnalysisStep step, List<MetricSpec> metrics) {
        var run = new AnalysisRun();
        run.setName(name);
        run.setRevision(revision);
        run.setMeasurements(Steps.measurements(step));
        var tallies = new ArrayList<MetricTally>();
        for (var metric : metrics) {
            var tally = new MetricTally();
            tally.setName(metric.getName());
            tally.setPassed(0);
            tally.setFailed(0);
            tally.setInconclusive(0);
            tally.setErrors(0);
            tally.setConsecutiveErrors(0);
            tallies.add(tally);
        }
        run.setMetrics(tallies);
        return run;
    }

    private static void startWindow(Rollout r, AnalysisRun run, List<MetricSpec> metrics) {
        run.setWindowStartedAt(r.nowText());
        r.checks.startWindow(window(r, run), metrics);
    }

    private static Result pending(Rollout r, AnalysisRun run) {
        r.wakeAt(Instant.parse(run.getWindowStartedAt()).plus(r.interval()));
        int done =
                run.getMetrics().stream().mapToInt(MetricTally::getPassed).min().orElse(0);
        r.message(RolloutSummary.where(r) + ": " + "the " + run.getName() + " analysis of revision " + run.getRevision()
                + ", "
                + Math.min(done, run.getMeasurements()) + " of " + run.getMeasurements()
                + " measurements passed; next at "
                + Rollout.time(Instant.parse(run.getWindowStartedAt()).plus(r.interval())));
        return new Result(Outcome.PENDING, null);
    }

    static WindowContext window(Rollout r, AnalysisRun run) {
        var pods = run.getRevision().equals(r.candidate())
                ? r.seen.candidatePods()
                : List.<io.fabric8.kubernetes.api.model.Pod>of();
        return new WindowContext(
                r.resource.getMetadata().getUid(),
                r.name(),
                r.namespace(),
                r.target(),
                run.getName(),
                run.getRevision(),
                r.stable(),
                r.candidate(),
                r.status.getCurrentWeight(),
                r.blueGreen() ? "BlueGreen" : "Canary",
                Instant.parse(run.getWindowStartedAt()),
                r.now,
                pods);
    }
}
