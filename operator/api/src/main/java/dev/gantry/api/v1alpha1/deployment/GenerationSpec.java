package dev.gantry.api.v1alpha1.deployment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.ValidationRule;

/** Generation defaults and hard limits enforced by the runtime. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
        value =
                "!has(self.defaults) || !has(self.limits) || !has(self.defaults.maxTokens) || !has(self.limits.maxTokens) || self.defaults.maxTokens <= self.limits.maxTokens",
        message = "defaults.maxTokens must not exceed limits.maxTokens",
        fieldPath = ".defaults.maxTokens")
@ValidationRule(
        value =
                "!has(self.defaults) || !has(self.limits) || !has(self.defaults.temperature) || !has(self.limits.maxTemperature) || self.defaults.temperature <= self.limits.maxTemperature",
        message = "defaults.temperature must not exceed limits.maxTemperature",
        fieldPath = ".defaults.temperature")
public class GenerationSpec {

    @JsonPropertyDescription("Values used when a request leaves them out.")
    @Default("{}")
    private GenerationDefaults defaults = new GenerationDefaults();

    @JsonPropertyDescription("Bounds on what a request may ask for.")
    @Default("{}")
    private GenerationLimits limits = new GenerationLimits();

    public GenerationDefaults getDefaults() {
        return defaults;
    }

    public void setDefaults(GenerationDefaults defaults) {
        this.defaults = defaults;
    }

    public GenerationLimits getLimits() {
        return limits;
    }

    public void setLimits(GenerationLimits limits) {
        this.limits = limits;
    }
}
