package dev.gantry.api.v1alpha1.rollout;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.ValidationRule;

/** Exactly one of canary and blueGreen. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "has(self.canary) != has(self.blueGreen)", message = "set exactly one of canary and blueGreen")
public class RolloutStrategy {

    @JsonPropertyDescription("Step-by-step traffic shift.")
    private CanaryStrategy canary;

    @JsonPropertyDescription("Preview, then an atomic switch.")
    private BlueGreenStrategy blueGreen;

    public CanaryStrategy getCanary() {
        return canary;
    }

    public void setCanary(CanaryStrategy canary) {
        this.canary = canary;
    }

    public BlueGreenStrategy getBlueGreen() {
        return blueGreen;
    }

    public void setBlueGreen(BlueGreenStrategy blueGreen) {
        this.blueGreen = blueGreen;
    }
}
