package dev.gantry.api.v1alpha1.rollout;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** What an evaluation output must satisfy beyond its constraint; all that are set must hold. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PromptExpectation {

    @JsonPropertyDescription("The output contains this text.")
    private String contains;

    @JsonPropertyDescription("The whole output matches this regular expression.")
    private String matches;

    @JsonPropertyDescription("The output is exactly this text.")
    private String equals;

    public String getContains() {
        return contains;
    }

    public void setContains(String contains) {
        this.contains = contains;
    }

    public String getMatches() {
        return matches;
    }

    public void setMatches(String matches) {
        this.matches = matches;
    }

    public String getEquals() {
        return equals;
    }

    public void setEquals(String equals) {
        this.equals = equals;
    }
}
