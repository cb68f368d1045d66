package dev.gantry.api.v1alpha1.rollout;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** A revision and how many pods it keeps. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RevisionReplicas {

    @JsonPropertyDescription("Revision hash.")
    private String revision;

    @JsonPropertyDescription("Pods it keeps.")
    private Integer replicas;

    public String getRevision() {
        return revision;
    }

    public void setRevision(String revision) {
        this.revision = revision;
    }

    public Integer getReplicas() {
        return replicas;
    }

    public void setReplicas(Integer replicas) {
        this.replicas = replicas;
    }
}
