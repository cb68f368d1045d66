package dev.gantry.api.v1alpha1.rollout;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/** The analysis in progress: which checks, since when, and how their measurements went so far. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AnalysisRun {

    @JsonPropertyDescription("Which analysis: `step N`, `prePromotion` or `postPromotion`.")
    private String name;

    @JsonPropertyDescription("Revision measured.")
    private String revision;

    @JsonPropertyDescription("Conclusive measurements each metric needs for the analysis to pass.")
    private Integer measurements;

    @JsonPropertyDescription("Start of the current measurement interval (RFC 3339); metrics are measured at its end.")
    private String windowStartedAt;

    @JsonPropertyDescription("Per metric, the verdicts so far.")
    private List<MetricTally> metrics;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getRevision() {
        return revision;
    }

    public void setRevision(String revision) {
        this.revision = revision;
    }

    public Integer getMeasurements() {
        return measurements;
    }

    public void setMeasurements(Integer measurements) {
        this.measurements = measurements;
    }

    public String getWindowStartedAt() {
        return windowStartedAt;
    }

    public void setWindowStartedAt(String windowStartedAt) {
        this.windowStartedAt = windowStartedAt;
    }

    public List<MetricTally> getMetrics() {
        return metrics;
    }

    public void setMetrics(List<MetricTally> metrics) {
        this.metrics = metrics;
    }
}
