package dev.gantry.api.v1alpha1.deployment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import java.util.ArrayList;
import java.util.List;

/** Which constrained-generation kinds clients may use, and the cost they may ask for. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ConstraintPolicy {

    @JsonPropertyDescription("Constraint kinds the runtime accepts; others are refused with a 400 error.")
    @Default("[\"Choice\", \"Regex\", \"Json\", \"JsonSchema\", \"Grammar\"]")
    @Size(max = 5)
    private List<ConstraintKind> allowedKinds = new ArrayList<>(List.of(
            ConstraintKind.Choice,
            ConstraintKind.Regex,
            ConstraintKind.Json,
            ConstraintKind.JsonSchema,
            ConstraintKind.Grammar));

    @JsonPropertyDescription("Longest the runtime spends compiling one constraint before answering 400.")
    @Default("2s")
    @Pattern("^([0-9]+(\\.[0-9]+)?(ms|s|m|h))+$")
    private String compileTimeout = "2s";

    public List<ConstraintKind> getAllowedKinds() {
        return allowedKinds;
    }

    public void setAllowedKinds(List<ConstraintKind> allowedKinds) {
        this.allowedKinds = allowedKinds;
    }

    public String getCompileTimeout() {
        return compileTimeout;
    }

    public void setCompileTimeout(String compileTimeout) {
        this.compileTimeout = compileTimeout;
    }
}
