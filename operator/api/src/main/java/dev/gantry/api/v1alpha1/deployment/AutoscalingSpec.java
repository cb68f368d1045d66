package dev.gantry.api.v1alpha1.deployment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** Horizontal autoscaling of the stable revision (autoscaling/v2). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
        value = "self.minReplicas <= self.maxReplicas",
        message = "minReplicas must not exceed maxReplicas",
        fieldPath = ".minReplicas")
@ValidationRule(
        value =
                "has(self.targetCPUUtilizationPercentage) || has(self.targetMemoryUtilizationPercentage) || (has(self.podMetrics) && size(self.podMetrics) > 0)",
        message = "set at least one of targetCPUUtilizationPercentage, targetMemoryUtilizationPercentage or podMetrics")
public class AutoscalingSpec {

    @JsonPropertyDescription("Fewest pods.")
    @Default("1")
    @Min(1)
    private Integer minReplicas = 1;

    @JsonPropertyDescription("Most pods.")
    @Required
    @Min(1)
    private Integer maxReplicas;

    @JsonPropertyDescription("Target average CPU use, as a percentage of the request.")
    @Min(1)
    private Integer targetCPUUtilizationPercentage;

    @JsonPropertyDescription("Target average memory use, as a percentage of the request.")
    @Min(1)
    private Integer targetMemoryUtilizationPercentage;

    @JsonPropertyDescription("Per-pod custom metrics, for example in-flight sequences.")
    @Size(max = 8)
    private List<PodMetricTarget> podMetrics;

    @JsonPropertyDescription(
            "How long the autoscaler looks back before scaling down; protects against thrashing expensive model pods.")
    @Default("300s")
    @Pattern("^([0-9]+(\\.[0-9]+)?(ms|s|m|h))+$")
    private String scaleDownStabilization = "300s";

    public Integer getMinReplicas() {
        return minReplicas;
    }

    public void setMinReplicas(Integer minReplicas) {
        this.minReplicas = minReplicas;
    }

    public Integer getMaxReplicas() {
        return maxReplicas;
    }

    public void setMaxReplicas(Integer maxReplicas) {
        this.maxReplicas = maxReplicas;
    }

    public Integer getTargetCPUUtilizationPercentage() {
        return targetCPUUtilizationPercentage;
    }

    public void setTargetCPUUtilizationPercentage(Integer targetCPUUtilizationPercentage) {
        this.targetCPUUtilizationPercentage = targetCPUUtilizationPercentage;
    }

    public Integer getTargetMemoryUtilizationPercentage() {
        return targetMemoryUtilizationPercentage;
    }

    public void setTargetMemoryUtilizationPercentage(Integer targetMemoryUtilizationPercentage) {
        this.targetMemoryUtilizationPercentage = targetMemoryUtilizationPercentage;
    }

    public List<PodMetricTarget> getPodMetrics() {
        return podMetrics;
    }

    public void setPodMetrics(List<PodMetricTarget> podMetrics) {
        this.podMetrics = podMetrics;
    }

    public String getScaleDownStabilization() {
        return scaleDownStabilization;
    }

    public void setScaleDownStabilization(String scaleDownStabilization) {
        this.scaleDownStabilization = scaleDownStabilization;
    }
}
