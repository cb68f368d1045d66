package dev.gantry.api.v1alpha1.deployment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/** Sampling values used when a request does not set them. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class GenerationDefaults {

    @JsonPropertyDescription("Tokens generated when a request sets no `max_tokens`.")
    @Default("256")
    @Min(1)
    private Integer maxTokens = 256;

    @JsonPropertyDescription("Sampling temperature when a request sets none; 0 means greedy.")
    @Default("1.0")
    @Min(0)
    @Max(2)
    private Double temperature = 1.0;

    @JsonPropertyDescription("Nucleus-sampling mass when a request sets none.")
    @Default("1.0")
    @Min(0)
    @Max(1)
    private Double topP = 1.0;

    public Integer getMaxTokens() {
        return maxTokens;
    }

    public void setMaxTokens(Integer maxTokens) {
        this.maxTokens = maxTokens;
    }

    public Double getTemperature() {
        return temperature;
    }

    public void setTemperature(Double temperature) {
        this.temperature = temperature;
    }

    public Double getTopP() {
        return topP;
    }

    public void setTopP(Double topP) {
        this.topP = topP;
    }
}
