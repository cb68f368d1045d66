package dev.gantry.operator.evaluation;

import java.util.List;

/**
 * What the evaluation prompts gave.
 *
 * @param outcomes one per prompt, in the spec's order
 */
public record EvaluationReport(List<PromptOutcome> outcomes) {

    /**
     * One prompt's outcome.
     *
     * @param name the prompt's name
     * @param passed whether its output satisfied its constraint and expectation
     * @param unreachable whether the candidate could not be asked at all (refused, timed out)
     * @param detail why it failed, for humans; never the output in full
     */
    public record PromptOutcome(String name, boolean passed, boolean unreachable, String detail) {}

    public EvaluationReport {
        outcomes = List.copyOf(outcomes);
    }

    public int passed() {
        return (int) outcomes.stream().filter(PromptOutcome::passed).count();
    }

    public int total() {
        return outcomes.size();
    }

    /** True when no prompt reached the candidate: an error to retry, not a verdict on the model. */
    public boolean unreachable() {
        return !outcomes.isEmpty() && outcomes.stream().allMatch(PromptOutcome::unreachable);
    }

    public double passRate() {
        return outcomes.isEmpty() ? 1.0 : (double) passed() / total();
    }

    /** The failures in a line, for status and Events. */
    public String failures() {
        return String.join(
                "; ",
                outcomes.stream()
                        .filter(o -> !o.passed())
                        .map(o -> o.name() + ": " + o.detail())
                        .toList());
    }
}
