package dev.gantry.api.v1alpha1.rollout;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Verdicts of one metric within an analysis, judged against the failure and error limits. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class MetricTally {

    @JsonPropertyDescription("Metric name.")
    private String name;

    @JsonPropertyDescription("Measurements that passed (or were inconclusive under the Pass policy).")
    private Integer passed;

    @JsonPropertyDescription("Measurements that failed (or were inconclusive under the Fail policy).")
    private Integer failed;

    @JsonPropertyDescription("Measurements with no data or too few samples.")
    private Integer inconclusive;

    @JsonPropertyDescription("Measurements that could not be taken.")
    private Integer errors;

    @JsonPropertyDescription("Errors since the last measurement that could be taken.")
    private Integer consecutiveErrors;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Integer getPassed() {
        return passed;
    }

    public void setPassed(Integer passed) {
        this.passed = passed;
    }

    public Integer getFailed() {
        return failed;
    }

    public void setFailed(Integer failed) {
        this.failed = failed;
    }

    public Integer getInconclusive() {
        return inconclusive;
    }

    public void setInconclusive(Integer inconclusive) {
        this.inconclusive = inconclusive;
    }

    public Integer getErrors() {
        return errors;
    }

    public void setErrors(Integer errors) {
        this.errors = errors;
    }

    public Integer getConsecutiveErrors() {
        return consecutiveErrors;
    }

    public void setConsecutiveErrors(Integer consecutiveErrors) {
        this.consecutiveErrors = consecutiveErrors;
    }
}
