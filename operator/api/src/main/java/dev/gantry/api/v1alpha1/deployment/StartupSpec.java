package dev.gantry.api.v1alpha1.deployment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;

/** How long model loading may take before the pod is restarted. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class StartupSpec {

    @JsonPropertyDescription(
            "Budget for loading and warming up the model; the startup probe fails the container after it.")
    @Default("10m")
    @Pattern("^([0-9]+(\\.[0-9]+)?(ms|s|m|h))+$")
    private String timeout = "10m";

    public String getTimeout() {
        return timeout;
    }

    public void setTimeout(String timeout) {
        this.timeout = timeout;
    }
}
