package dev.gantry.api.v1alpha1.rollout;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** One step of the strategy, as `kubectl describe` shows it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class StepStatus {

    @JsonPropertyDescription("Position, from 1.")
    private Integer index;

    @JsonPropertyDescription("What the step does, for example `setWeight 20` or `pause 5m`.")
    private String description;

    @JsonPropertyDescription("Pending, Current or Completed.")
    private StepState state;

    public Integer getIndex() {
        return index;
    }

    public void setIndex(Integer index) {
        this.index = index;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public StepState getState() {
        return state;
    }

    public void setState(StepState state) {
        this.state = state;
    }
}
