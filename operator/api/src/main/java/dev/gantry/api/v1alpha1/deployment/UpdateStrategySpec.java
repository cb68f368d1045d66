package dev.gantry.api.v1alpha1.deployment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.IntOrString;

/** How pods are replaced when the revision changes without a ModelRollout. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
        value =
                "!(has(self.maxSurge) && has(self.maxUnavailable) && string(self.maxSurge) in ['0', '0%'] && string(self.maxUnavailable) in ['0', '0%'])",
        message = "maxSurge and maxUnavailable must not both be zero")
public class UpdateStrategySpec {

    @JsonPropertyDescription(
            "Extra pods allowed above the desired count during a replacement (number or percentage). Set 0 where no spare GPU exists.")
    @Default("1")
    private IntOrString maxSurge = new IntOrString(1);

    @JsonPropertyDescription("Pods that may be unavailable during a replacement (number or percentage).")
    @Default("0")
    private IntOrString maxUnavailable = new IntOrString(0);

    public IntOrString getMaxSurge() {
        return maxSurge;
    }

    public void setMaxSurge(IntOrString maxSurge) {
        this.maxSurge = maxSurge;
    }

    public IntOrString getMaxUnavailable() {
        return maxUnavailable;
    }

    public void setMaxUnavailable(IntOrString maxUnavailable) {
        this.maxUnavailable = maxUnavailable;
    }
}
