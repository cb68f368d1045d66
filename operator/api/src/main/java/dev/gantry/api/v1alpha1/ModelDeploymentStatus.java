package dev.gantry.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.gantry.api.v1alpha1.deployment.CacheStatus;
import dev.gantry.api.v1alpha1.deployment.RevisionStatus;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;

/** Observed state of a ModelDeployment. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ModelDeploymentStatus {

    @JsonPropertyDescription("Generation of the spec this status describes.")
    private Long observedGeneration;

    @JsonPropertyDescription("Ready, Progressing and Degraded, with CamelCase reasons.")
    private List<Condition> conditions = new ArrayList<>();

    @JsonPropertyDescription("Desired serving pods of the stable revision.")
    private Integer replicas;

    @JsonPropertyDescription("Ready serving pods of the stable revision.")
    private Integer readyReplicas;

    @JsonPropertyDescription("Ready over desired pods, for example `2/3`.")
    private String ready;

    @JsonPropertyDescription("In-cluster or external URL of the OpenAI-compatible API.")
    private String url;

    @JsonPropertyDescription("Revision of the current spec.")
    private String currentRevision;

    @JsonPropertyDescription("Revision receiving stable traffic.")
    private String stableRevision;

    @JsonPropertyDescription("Model URI of the stable revision.")
    private String stableModel;

    @JsonPropertyDescription("Live revisions and their traffic.")
    private List<RevisionStatus> revisions = new ArrayList<>();

    @JsonPropertyDescription("Name of the ModelRollout currently moving traffic, if any.")
    private String activeRollout;

    @JsonPropertyDescription("Response cache state.")
    private CacheStatus cache;

    public Long getObservedGeneration() {
        return observedGeneration;
    }

    public void setObservedGeneration(Long observedGeneration) {
        this.observedGeneration = observedGeneration;
    }

    public List<Condition> getConditions() {
        return conditions;
    }

    public void setConditions(List<Condition> conditions) {
        this.conditions = conditions;
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

    public String getReady() {
        return ready;
    }

    public void setReady(String ready) {
        this.ready = ready;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getCurrentRevision() {
        return currentRevision;
    }

    public void setCurrentRevision(String currentRevision) {
        this.currentRevision = currentRevision;
    }

    public String getStableRevision() {
        return stableRevision;
    }

    public void setStableRevision(String stableRevision) {
        this.stableRevision = stableRevision;
    }

    public String getStableModel() {
        return stableModel;
    }

    public void setStableModel(String stableModel) {
        this.stableModel = stableModel;
    }

    public List<RevisionStatus> getRevisions() {
        return revisions;
    }

    public void setRevisions(List<RevisionStatus> revisions) {
        this.revisions = revisions;
    }

    public String getActiveRollout() {
        return activeRollout;
    }

    public void setActiveRollout(String activeRollout) {
        this.activeRollout = activeRollout;
    }

    public CacheStatus getCache() {
        return cache;
    }

    public void setCache(CacheStatus cache) {
        this.cache = cache;
    }
}
