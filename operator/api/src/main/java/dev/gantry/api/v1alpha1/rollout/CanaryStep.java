package dev.gantry.api.v1alpha1.rollout;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.ValidationRule;

/** One step of a canary: exactly one of setWeight, pause and analysis. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
        value = "[has(self.setWeight), has(self.pause), has(self.analysis)].filter(x, x).size() == 1",
        message = "each step sets exactly one of setWeight, pause and analysis")
public class CanaryStep {

    @JsonPropertyDescription("Percentage of traffic sent to the candidate from this step on.")
    @Min(0)
    @Max(100)
    private Integer setWeight;

    @JsonPropertyDescription("Hold the current weight, for a time or until promoted.")
    private PauseStep pause;

    @JsonPropertyDescription("Measure health at the current weight.")
    private AnalysisStep analysis;

    public Integer getSetWeight() {
        return setWeight;
    }

    public void setSetWeight(Integer setWeight) {
        this.setWeight = setWeight;
    }

    public PauseStep getPause() {
        return pause;
    }

    public void setPause(PauseStep pause) {
        this.pause = pause;
    }

    public AnalysisStep getAnalysis() {
        return analysis;
    }

    public void setAnalysis(AnalysisStep analysis) {
        this.analysis = analysis;
    }
}
