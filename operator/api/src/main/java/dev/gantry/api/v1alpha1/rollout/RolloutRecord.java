package dev.gantry.api.v1alpha1.rollout;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** A finished rollout. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RolloutRecord {

    @JsonPropertyDescription("Candidate revision.")
    private String revision;

    @JsonPropertyDescription("Stable revision it started from.")
    private String fromRevision;

    @JsonPropertyDescription("Succeeded, RolledBack, Aborted or Failed.")
    private RolloutResult result;

    @JsonPropertyDescription("CamelCase reason, for example `AnalysisFailed`.")
    private String reason;

    @JsonPropertyDescription("What happened, for humans.")
    private String message;

    @JsonPropertyDescription("Start time (RFC 3339).")
    private String startedAt;

    @JsonPropertyDescription("End time (RFC 3339).")
    private String finishedAt;

    public String getRevision() {
        return revision;
    }

    public void setRevision(String revision) {
        this.revision = revision;
    }

    public String getFromRevision() {
        return fromRevision;
    }

    public void setFromRevision(String fromRevision) {
        this.fromRevision = fromRevision;
    }

    public RolloutResult getResult() {
        return result;
    }

    public void setResult(RolloutResult result) {
        this.result = result;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    public String getStartedAt() {
        return startedAt;
    }

    public void setStartedAt(String startedAt) {
        this.startedAt = startedAt;
    }

    public String getFinishedAt() {
        return finishedAt;
    }

    public void setFinishedAt(String finishedAt) {
        this.finishedAt = finishedAt;
    }
}
