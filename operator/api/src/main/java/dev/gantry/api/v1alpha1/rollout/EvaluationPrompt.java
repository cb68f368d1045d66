package dev.gantry.api.v1alpha1.rollout;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** A prompt sent to the candidate's own Service before it gets traffic. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class EvaluationPrompt {

    @JsonPropertyDescription("Name reported in status.")
    @Required
    @Pattern("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")
    @Size(max = 63)
    private String name;

    @JsonPropertyDescription(
            "Prompt text, sent greedily to `/v1/completions`, or to `/generate` with its constraint when it has one.")
    @Required
    @Size(min = 1, max = 65536)
    private String prompt;

    @JsonPropertyDescription("Tokens to generate.")
    @Default("64")
    @Min(1)
    private Integer maxTokens = 64;

    @JsonPropertyDescription("Constraint on the output.")
    private PromptConstraint constraint;

    @JsonPropertyDescription("Expectation on the output.")
    private PromptExpectation expect;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getPrompt() {
        return prompt;
    }

    public void setPrompt(String prompt) {
        this.prompt = prompt;
    }

    public Integer getMaxTokens() {
        return maxTokens;
    }

    public void setMaxTokens(Integer maxTokens) {
        this.maxTokens = maxTokens;
    }

    public PromptConstraint getConstraint() {
        return constraint;
    }

    public void setConstraint(PromptConstraint constraint) {
        this.constraint = constraint;
    }

    public PromptExpectation getExpect() {
        return expect;
    }

    public void setExpect(PromptExpectation expect) {
        this.expect = expect;
    }
}
