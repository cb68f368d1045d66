package dev.gantry.api.v1alpha1.rollout;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** One judged measurement of a metric. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Measurement {

    @JsonPropertyDescription("Metric name, or `evaluation` for evaluation prompts.")
    private String metric;

    @JsonPropertyDescription("Revision measured.")
    private String revision;

    @JsonPropertyDescription("Measured value as text (`NaN` when there was no data).")
    private String value;

    @JsonPropertyDescription("Success condition it was judged against.")
    private String condition;

    @JsonPropertyDescription("Passed, Failed, Inconclusive or Error.")
    private Verdict verdict;

    @JsonPropertyDescription("Detail for humans, such as the error of a failed query.")
    private String message;

    @JsonPropertyDescription("When it was taken (RFC 3339).")
    private String time;

    public String getMetric() {
        return metric;
    }

    public void setMetric(String metric) {
        this.metric = metric;
    }

    public String getRevision() {
        return revision;
    }

    public void setRevision(String revision) {
        this.revision = revision;
    }

    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }

    public String getCondition() {
        return condition;
    }

    public void setCondition(String condition) {
        this.condition = condition;
    }

    public Verdict getVerdict() {
        return verdict;
    }

    public void setVerdict(Verdict verdict) {
        this.verdict = verdict;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    public String getTime() {
        return time;
    }

    public void setTime(String time) {
        this.time = time;
    }
}
