package dev.gantry.api.v1alpha1.deployment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** A per-pod custom metric the autoscaler keeps at a target average. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PodMetricTarget {

    @JsonPropertyDescription("Metric name as served by the custom metrics API, for example `gantry_sequences_running`.")
    @Required
    @Pattern("^[a-zA-Z_:][a-zA-Z0-9_:]*$")
    @Size(max = 253)
    private String name;

    @JsonPropertyDescription("Target average value per pod, as a Kubernetes quantity.")
    @Required
    @Pattern("^[0-9]+(\\.[0-9]+)?(Ki|Mi|Gi|Ti|k|M|G|T)?$")
    private String targetAverageValue;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getTargetAverageValue() {
        return targetAverageValue;
    }

    public void setTargetAverageValue(String targetAverageValue) {
        this.targetAverageValue = targetAverageValue;
    }
}
