package dev.gantry.api.v1alpha1.rollout;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/** Prompts the candidate must answer well before it receives traffic (and, in blue-green, before promotion). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class EvaluationSpec {

    @JsonPropertyDescription("Prompts, sent greedily (temperature 0).")
    @Required
    @Size(min = 1, max = 64)
    private List<EvaluationPrompt> prompts;

    @JsonPropertyDescription("Share of prompts that must pass, from 0 to 1.")
    @Default("1.0")
    @Min(0)
    @Max(1)
    private Double minPassRate = 1.0;

    @JsonPropertyDescription("Time allowed per prompt.")
    @Default("60s")
    @Pattern("^([0-9]+(\\.[0-9]+)?(ms|s|m|h))+$")
    private String timeout = "60s";

    public List<EvaluationPrompt> getPrompts() {
        return prompts;
    }

    public void setPrompts(List<EvaluationPrompt> prompts) {
        this.prompts = prompts;
    }

    public Double getMinPassRate() {
        return minPassRate;
    }

    public void setMinPassRate(Double minPassRate) {
        this.minPassRate = minPassRate;
    }

    public String getTimeout() {
        return timeout;
    }

    public void setTimeout(String timeout) {
        this.timeout = timeout;
    }
}
