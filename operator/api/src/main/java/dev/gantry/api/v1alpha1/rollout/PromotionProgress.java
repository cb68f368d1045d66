package dev.gantry.api.v1alpha1.rollout;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** How far the final promotion got. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PromotionProgress {

    @JsonPropertyDescription(
            "Pods the candidate runs before it takes all traffic: at least the stable revision's count when promotion began.")
    private Integer floorReplicas;

    @JsonPropertyDescription(
            "When all traffic was switched to the candidate (RFC 3339); the old revision is scaled down a scale-down delay later.")
    private String switchedAt;

    @JsonPropertyDescription(
            "Passed once the post-promotion analysis passed (or when there is none); absent while it runs.")
    private Verdict postPromotionAnalysis;

    public Integer getFloorReplicas() {
        return floorReplicas;
    }

    public void setFloorReplicas(Integer floorReplicas) {
        this.floorReplicas = floorReplicas;
    }

    public String getSwitchedAt() {
        return switchedAt;
    }

    public void setSwitchedAt(String switchedAt) {
        this.switchedAt = switchedAt;
    }

    public Verdict getPostPromotionAnalysis() {
        return postPromotionAnalysis;
    }

    public void setPostPromotionAnalysis(Verdict postPromotionAnalysis) {
        this.postPromotionAnalysis = postPromotionAnalysis;
    }
}
