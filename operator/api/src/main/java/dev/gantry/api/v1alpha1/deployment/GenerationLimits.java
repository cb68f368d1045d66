package dev.gantry.api.v1alpha1.deployment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/** Hard limits; requests beyond them get a 400 error naming the limit. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class GenerationLimits {

    @JsonPropertyDescription("Largest `max_tokens` a request may ask for.")
    @Default("4096")
    @Min(1)
    private Integer maxTokens = 4096;

    @JsonPropertyDescription("Largest `temperature` a request may ask for.")
    @Default("2.0")
    @Min(0)
    @Max(2)
    private Double maxTemperature = 2.0;

    @JsonPropertyDescription("Smallest `top_p` a request may ask for.")
    @Default("0.0")
    @Min(0)
    @Max(1)
    private Double minTopP = 0.0;

    public Integer getMaxTokens() {
        return maxTokens;
    }

    public void setMaxTokens(Integer maxTokens) {
        this.maxTokens = maxTokens;
    }

    public Double getMaxTemperature() {
        return maxTemperature;
    }

    public void setMaxTemperature(Double maxTemperature) {
        this.maxTemperature = maxTemperature;
    }

    public Double getMinTopP() {
        return minTopP;
    }

    public void setMinTopP(Double minTopP) {
        this.minTopP = minTopP;
    }
}
