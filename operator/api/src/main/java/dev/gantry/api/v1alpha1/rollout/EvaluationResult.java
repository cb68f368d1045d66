package dev.gantry.api.v1alpha1.rollout;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Outcome of the evaluation prompts for one revision. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class EvaluationResult {

    @JsonPropertyDescription("Revision evaluated.")
    private String revision;

    @JsonPropertyDescription("Prompts that passed.")
    private Integer passed;

    @JsonPropertyDescription("Prompts sent.")
    private Integer total;

    @JsonPropertyDescription(
            "Passed, Failed, or Error while the candidate could not be reached (retried up to the consecutive-error limit).")
    private Verdict verdict;

    @JsonPropertyDescription("Consecutive attempts in which no prompt could be sent.")
    private Integer errors;

    @JsonPropertyDescription("When it finished (RFC 3339).")
    private String time;

    public String getRevision() {
        return revision;
    }

    public void setRevision(String revision) {
        this.revision = revision;
    }

    public Integer getPassed() {
        return passed;
    }

    public void setPassed(Integer passed) {
        this.passed = passed;
    }

    public Integer getTotal() {
        return total;
    }

    public void setTotal(Integer total) {
        this.total = total;
    }

    public Verdict getVerdict() {
        return verdict;
    }

    public void setVerdict(Verdict verdict) {
        this.verdict = verdict;
    }

    public Integer getErrors() {
        return errors;
    }

    public void setErrors(Integer errors) {
        this.errors = errors;
    }

    public String getTime() {
        return time;
    }

    public void setTime(String time) {
        this.time = time;
    }
}
