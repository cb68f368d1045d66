package dev.gantry.api.v1alpha1.rollout;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/** Measure the named metrics a number of times and pass only if they all pass. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AnalysisStep {

    @JsonPropertyDescription("Names from spec.analysis.metrics; all of them when empty.")
    @Size(max = 32)
    private List<String> metrics;

    @JsonPropertyDescription("Intervals measured before the step passes.")
    @Default("1")
    @Min(1)
    @Max(1000)
    private Integer measurements = 1;

    public List<String> getMetrics() {
        return metrics;
    }

    public void setMetrics(List<String> metrics) {
        this.metrics = metrics;
    }

    public Integer getMeasurements() {
        return measurements;
    }

    public void setMeasurements(Integer measurements) {
        this.measurements = measurements;
    }
}
