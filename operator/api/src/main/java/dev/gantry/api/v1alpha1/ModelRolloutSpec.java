package dev.gantry.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.gantry.api.v1alpha1.rollout.AnalysisSpec;
import dev.gantry.api.v1alpha1.rollout.EvaluationSpec;
import dev.gantry.api.v1alpha1.rollout.RollbackSpec;
import dev.gantry.api.v1alpha1.rollout.RolloutStrategy;
import dev.gantry.api.v1alpha1.rollout.TargetRef;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

/** Progressive-delivery policy for a ModelDeployment. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
        value =
                "!has(self.strategy.canary) || self.strategy.canary.steps.all(s, !has(s.analysis) || !has(s.analysis.metrics) || s.analysis.metrics.all(m, has(self.analysis.metrics) && self.analysis.metrics.exists(x, x.name == m)))",
        message = "analysis steps may only name metrics defined in spec.analysis.metrics",
        fieldPath = ".strategy.canary.steps")
@ValidationRule(
        value =
                "!has(self.analysis) || !has(self.analysis.metrics) || self.analysis.metrics.all(m, self.analysis.metrics.exists_one(x, x.name == m.name))",
        message = "metric names must be unique",
        fieldPath = ".analysis.metrics")
public class ModelRolloutSpec {

    @JsonPropertyDescription("The ModelDeployment this policy drives.")
    @Required
    private TargetRef targetRef;

    @JsonPropertyDescription("Canary or blue-green.")
    @Required
    private RolloutStrategy strategy;

    @JsonPropertyDescription("Health checks and how they are judged.")
    @Default("{}")
    private AnalysisSpec analysis = new AnalysisSpec();

    @JsonPropertyDescription("Prompts the candidate must pass before it gets traffic.")
    private EvaluationSpec evaluation;

    @JsonPropertyDescription("Failure handling.")
    @Default("{}")
    private RollbackSpec rollback = new RollbackSpec();

    @JsonPropertyDescription("Hold the rollout at its current step; for GitOps, which cannot use the kubectl commands.")
    @Default("false")
    private Boolean paused = false;

    public TargetRef getTargetRef() {
        return targetRef;
    }

    public void setTargetRef(TargetRef targetRef) {
        this.targetRef = targetRef;
    }

    public RolloutStrategy getStrategy() {
        return strategy;
    }

    public void setStrategy(RolloutStrategy strategy) {
        this.strategy = strategy;
    }

    public AnalysisSpec getAnalysis() {
        return analysis;
    }

    public void setAnalysis(AnalysisSpec analysis) {
        this.analysis = analysis;
    }

    public EvaluationSpec getEvaluation() {
        return evaluation;
    }

    public void setEvaluation(EvaluationSpec evaluation) {
        this.evaluation = evaluation;
    }

    public RollbackSpec getRollback() {
        return rollback;
    }

    public void setRollback(RollbackSpec rollback) {
        this.rollback = rollback;
    }

    public Boolean getPaused() {
        return paused;
    }

    public void setPaused(Boolean paused) {
        this.paused = paused;
    }
}
