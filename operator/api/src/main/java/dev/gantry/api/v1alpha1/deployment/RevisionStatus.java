package dev.gantry.api.v1alpha1.deployment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** A live revision and the traffic it receives. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RevisionStatus {

    @JsonPropertyDescription("Revision hash.")
    private String name;

    @JsonPropertyDescription(
            "Stable, Candidate (a rollout is moving traffic to it) or Retiring (waiting to be scaled down).")
    private RevisionRole role;

    @JsonPropertyDescription("Model URI of this revision.")
    private String model;

    @JsonPropertyDescription("Runtime image of this revision.")
    private String image;

    @JsonPropertyDescription("Desired pods.")
    private Integer replicas;

    @JsonPropertyDescription("Ready pods.")
    private Integer readyReplicas;

    @JsonPropertyDescription("Share of traffic routed to this revision, as applied to the router.")
    private Integer trafficPercent;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public RevisionRole getRole() {
        return role;
    }

    public void setRole(RevisionRole role) {
        this.role = role;
    }

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    public String getImage() {
        return image;
    }

    public void setImage(String image) {
        this.image = image;
    }

    public Integer getReplicas() {
        return replicas;
    }

    public void setReplicas(Integer replicas) {
        this.replicas = replicas;
    }

    public Integer getReadyReplicas() {
        return readyReplicas;
    }

    public void setReadyReplicas(Integer readyReplicas) {
        this.readyReplicas = readyReplicas;
    }

    public Integer getTrafficPercent() {
        return trafficPercent;
    }

    public void setTrafficPercent(Integer trafficPercent) {
        this.trafficPercent = trafficPercent;
    }
}
