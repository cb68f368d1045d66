package dev.gantry.api.v1alpha1.rollout;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/** The traffic split a rollout asks for; the ModelDeployment controller applies it to the router objects. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RolloutSplit {

    @JsonPropertyDescription("Revision that receives the stable share.")
    private String stableRevision;

    @JsonPropertyDescription("Revision that receives the weight; absent when no candidate takes traffic.")
    private String candidateRevision;

    @JsonPropertyDescription(
            "Percentage of traffic asked for the candidate, 0 to 100 (currentWeight says what the router applied).")
    private Integer weight;

    @JsonPropertyDescription(
            "Pods of the stable revision; absent when the ModelDeployment's replicas or its autoscaler decide.")
    private Integer stableReplicas;

    @JsonPropertyDescription("Pods of the candidate.")
    private Integer candidateReplicas;

    @JsonPropertyDescription(
            "Other revisions kept running without traffic (the old revision during the scale-down delay, a failed candidate kept for debugging).")
    private List<RevisionReplicas> retiring;

    @JsonPropertyDescription(
            "How the weight is applied; blue-green uses ReplicaRatio with weights 0 and 100 only, so the active Service alone switches traffic.")
    private TrafficRouter router;

    @JsonPropertyDescription(
            "ReplicaRatio only: pods spread over stable and candidate, the stable revision's count when the rollout began.")
    private Integer totalReplicas;

    @JsonPropertyDescription("Name of the Service that reaches only the candidate (blue-green).")
    private String previewService;

    public String getStableRevision() {
        return stableRevision;
    }

    public void setStableRevision(String stableRevision) {
        this.stableRevision = stableRevision;
    }

    public String getCandidateRevision() {
        return candidateRevision;
    }

    public void setCandidateRevision(String candidateRevision) {
        this.candidateRevision = candidateRevision;
    }

    public Integer getWeight() {
        return weight;
    }

    public void setWeight(Integer weight) {
        this.weight = weight;
    }

    public Integer getStableReplicas() {
        return stableReplicas;
    }

    public void setStableReplicas(Integer stableReplicas) {
        this.stableReplicas = stableReplicas;
    }

    public Integer getCandidateReplicas() {
        return candidateReplicas;
    }

    public void setCandidateReplicas(Integer candidateReplicas) {
        this.candidateReplicas = candidateReplicas;
    }

    public List<RevisionReplicas> getRetiring() {
        return retiring;
    }

    public void setRetiring(List<RevisionReplicas> retiring) {
        this.retiring = retiring;
    }

    public TrafficRouter getRouter() {
        return router;
    }

    public void setRouter(TrafficRouter router) {
        this.router = router;
    }

    public String getPreviewService() {
        return previewService;
    }

    public void setPreviewService(String previewService) {
        this.previewService = previewService;
    }

    public Integer getTotalReplicas() {
        return totalReplicas;
    }

    public void setTotalReplicas(Integer totalReplicas) {
        this.totalReplicas = totalReplicas;
    }
}
