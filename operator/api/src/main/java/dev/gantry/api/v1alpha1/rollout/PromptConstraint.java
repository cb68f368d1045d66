package dev.gantry.api.v1alpha1.rollout;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.crd.generator.annotation.PreserveUnknownFields;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** Constrained generation for an evaluation prompt: exactly one kind. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
        value = "[has(self.jsonSchema), has(self.regex), has(self.choice)].filter(x, x).size() == 1",
        message = "set exactly one of jsonSchema, regex and choice")
public class PromptConstraint {

    @JsonPropertyDescription("JSON Schema (draft 2020-12) the output must match.")
    @PreserveUnknownFields
    private JsonNode jsonSchema;

    @JsonPropertyDescription("Regular expression the whole output must match.")
    @Size(max = 4096)
    private String regex;

    @JsonPropertyDescription("The output must be one of these strings.")
    @Size(min = 1, max = 256)
    private List<String> choice;

    public JsonNode getJsonSchema() {
        return jsonSchema;
    }

    public void setJsonSchema(JsonNode jsonSchema) {
        this.jsonSchema = jsonSchema;
    }

    public String getRegex() {
        return regex;
    }

    public void setRegex(String regex) {
        this.regex = regex;
    }

    public List<String> getChoice() {
        return choice;
    }

    public void setChoice(List<String> choice) {
        this.choice = choice;
    }
}
