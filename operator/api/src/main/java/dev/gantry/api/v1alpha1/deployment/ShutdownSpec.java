package dev.gantry.api.v1alpha1.deployment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;

/** How in-flight requests drain when a pod stops. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ShutdownSpec {

    @JsonPropertyDescription(
            "Time in-flight requests get to finish after the pod is asked to stop; becomes the pod's termination grace period.")
    @Default("60s")
    @Pattern("^([0-9]+(\\.[0-9]+)?(ms|s|m|h))+$")
    private String gracePeriod = "60s";

    public String getGracePeriod() {
        return gracePeriod;
    }

    public void setGracePeriod(String gracePeriod) {
        this.gracePeriod = gracePeriod;
    }
}
