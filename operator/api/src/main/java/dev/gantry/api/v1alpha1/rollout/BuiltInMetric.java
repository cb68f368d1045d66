package dev.gantry.api.v1alpha1.rollout;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;

/** A metric read by the operator from each ready pod of the candidate, as deltas over the interval. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class BuiltInMetric {

    @JsonPropertyDescription(
            "ErrorRate (5xx over all requests), LatencyP95/LatencyP99 and TimeToFirstTokenP95 (seconds), TokensPerSecond (generated tokens per second, all pods), StructuredOutputValidity (valid over all constrained outputs).")
    @Required
    private BuiltInMetricType type;

    @JsonPropertyDescription(
            "Fewest requests (or constrained outputs, for validity) in the interval for a conclusive result; fewer gives an inconclusive measurement.")
    @Default("1")
    @Min(1)
    private Integer minSamples = 1;

    public BuiltInMetricType getType() {
        return type;
    }

    public void setType(BuiltInMetricType type) {
        this.type = type;
    }

    public Integer getMinSamples() {
        return minSamples;
    }

    public void setMinSamples(Integer minSamples) {
        this.minSamples = minSamples;
    }
}
