package dev.gantry.api.v1alpha1.rollout;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/** How health checks are measured and judged. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AnalysisSpec {

    @JsonPropertyDescription("Time between measurements; counters and histograms are compared across it.")
    @Default("30s")
    @Pattern("^([0-9]+(\\.[0-9]+)?(ms|s|m|h))+$")
    private String interval = "30s";

    @JsonPropertyDescription("Failed measurements tolerated per analysis; one more fails the rollout.")
    @Default("0")
    @Min(0)
    private Integer failureLimit = 0;

    @JsonPropertyDescription(
            "Consecutive measurement errors (unreachable Prometheus, webhook timeout) tolerated; one more fails the rollout.")
    @Default("4")
    @Min(0)
    private Integer consecutiveErrorLimit = 4;

    @JsonPropertyDescription(
            "What an empty or NaN result counts as: `Pause` (default: no traffic is not a failure, no data is not a pass), `Fail`, or `Pass`.")
    @Default("Pause")
    private InconclusivePolicy inconclusive = InconclusivePolicy.Pause;

    @JsonPropertyDescription("Health checks, referred to by name from steps.")
    @Size(max = 32)
    private List<MetricSpec> metrics;

    public String getInterval() {
        return interval;
    }

    public void setInterval(String interval) {
        this.interval = interval;
    }

    public Integer getFailureLimit() {
        return failureLimit;
    }

    public void setFailureLimit(Integer failureLimit) {
        this.failureLimit = failureLimit;
    }

    public Integer getConsecutiveErrorLimit() {
        return consecutiveErrorLimit;
    }

    public void setConsecutiveErrorLimit(Integer consecutiveErrorLimit) {
        this.consecutiveErrorLimit = consecutiveErrorLimit;
    }

    public InconclusivePolicy getInconclusive() {
        return inconclusive;
    }

    public void setInconclusive(InconclusivePolicy inconclusive) {
        this.inconclusive = inconclusive;
    }

    public List<MetricSpec> getMetrics() {
        return metrics;
    }

    public void setMetrics(List<MetricSpec> metrics) {
        this.metrics = metrics;
    }
}
