package dev.gantry.operator.modelrollout;

import dev.gantry.api.v1alpha1.rollout.EvaluationResult;
import dev.gantry.api.v1alpha1.rollout.Verdict;

/**
 * Before the candidate gets any traffic: its first pods (a blue-green preview's full size) must be ready, and it
 * must pass the evaluation prompts, sent to its own Service. The outcome is kept in {@code status.evaluation}.
 */
final class Gate {

    private Gate() {}

    static boolean passed(Rollout r) {
        var evaluation = r.status.getEvaluation();
        return evaluation != null
                && r.candidate().equals(evaluation.getRevision())
                && evaluation.getVerdict() == Verdict.Passed;
    }

    /** Works towards the gate; true once it is passed, false while waiting or once the rollout stopped. */
    static boolean advance(Rollout r) {
        var candidate = r.candidate();
        int wanted = ReplicaPlan.initial(r);
        r.split().setCandidateReplicas(wanted);
        int ready = r.seen.ready(candidate);
        if (ready < wanted) {
            Failures.waiting(r, "bringing up revision " + candidate + ": " + ready + " of " + wanted + " pods ready");
            return false;
        }
        var spec = r.spec.getEvaluation();
        if (spec == null || spec.getPrompts() == null || spec.getPrompts().isEmpty()) {
            r.status.setEvaluation(result(r, 0, 0, Verdict.Passed, 0));
            return true;
        }
        var report = r.checks.evaluate(candidate);
        var condition = "pass rate >= " + formatRate(spec.getMinPassRate());
        var value = report.passed() + "/" + report.total();
        if (report.unreachable()) {
            var previous = r.status.getEvaluation();
            int errors = previous != null
                            && candidate.equals(previous.getRevision())
                            && previous.getVerdict() == Verdict.Error
                    ? previous.getErrors() + 1
                    : 1;
            r.status.setEvaluation(result(r, 0, report.total(), Verdict.Error, errors));
            var measurement = Measurements.of(
                    r, Measurements.EVALUATION, candidate, value, condition, Verdict.Error, report.failures());
            r.measurement(measurement);
            r.warning("MeasurementError", "evaluation of revision " + candidate + ": " + report.failures());
            int limit = r.spec.getAnalysis().getConsecutiveErrorLimit() == null
                    ? 4
                    : r.spec.getAnalysis().getConsecutiveErrorLimit();
            if (errors > limit) {
                Failures.checkFailed(r, "EvaluationFailed", measurement);
                return false;
            }
            Failures.waiting(
                    r,
                    "evaluating revision " + candidate + ": its Service did not answer (" + errors + " of "
                            + (limit + 1) + " attempts)");
            return false;
        }
        double minimum = spec.getMinPassRate() == null ? 1.0 : spec.getMinPassRate();
        boolean passed = report.passRate() >= minimum;
        var measurement = Measurements.of(
                r,
                Measurements.EVALUATION,
                candidate,
                value,
                condition,
                passed ? Verdict.Passed : Verdict.Failed,
                passed ? "all prompts checked" : report.failures());
        r.measurement(measurement);
        r.status.setEvaluation(result(r, report.passed(), report.total(), passed ? Verdict.Passed : Verdict.Failed, 0));
        if (!passed) {
            Failures.checkFailed(r, "EvaluationFailed", measurement);
            return false;
        }
        r.normal("EvaluationPassed", "revision " + candidate + " passed " + value + " evaluation prompts");
        return true;
    }

    /** A person passed the gate with {@code promote=step} after the evaluation failed. */
    static void override(Rollout r) {
        var evaluation = r.status.getEvaluation();
        if (evaluation != null && r.candidate().equals(evaluation.getRevision())) {
            evaluation.setVerdict(Verdict.Passed);
        } else {
            r.status.setEvaluation(result(r, 0, 0, Verdict.Passed, 0));
        }
    }

    private static EvaluationResult result(Rollout r, int passed, int total, Verdict verdict, int errors) {
        var result = new EvaluationResult();
        result.setRevision(r.candidate());
        result.setPassed(passed);
        result.setTotal(total);
        result.setVerdict(verdict);
        result.setErrors(errors);
        result.setTime(r.nowText());
        return result;
    }

    private static String formatRate(Double rate) {
        return String.valueOf(rate == null ? 1.0 : rate);
    }
}
