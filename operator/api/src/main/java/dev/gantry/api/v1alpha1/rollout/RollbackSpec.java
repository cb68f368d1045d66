package dev.gantry.api.v1alpha1.rollout;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;

/** What happens when a check fails. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RollbackSpec {

    @JsonPropertyDescription(
            "Move all traffic back to stable as soon as a check fails; when false the rollout pauses instead.")
    @Default("true")
    private Boolean automatic = true;

    @JsonPropertyDescription(
            "Longest the candidate may take to become ready, and a step to make progress; exceeded, the rollout fails.")
    @Default("15m")
    @Pattern("^([0-9]+(\\.[0-9]+)?(ms|s|m|h))+$")
    private String progressDeadline = "15m";

    @JsonPropertyDescription(
            "`ScaleToZero` frees the candidate's resources; `Keep` leaves its pods for debugging (without traffic).")
    @Default("ScaleToZero")
    private FailedCandidatePolicy onFailure = FailedCandidatePolicy.ScaleToZero;

    public Boolean getAutomatic() {
        return automatic;
    }

    public void setAutomatic(Boolean automatic) {
        this.automatic = automatic;
    }

    public String getProgressDeadline() {
        return progressDeadline;
    }

    public void setProgressDeadline(String progressDeadline) {
        this.progressDeadline = progressDeadline;
    }

    public FailedCandidatePolicy getOnFailure() {
        return onFailure;
    }

    public void setOnFailure(FailedCandidatePolicy onFailure) {
        this.onFailure = onFailure;
    }
}
