package dev.gantry.api.v1alpha1.rollout;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** Move traffic to the candidate step by step. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
        value = "self.steps.filter(s, has(s.setWeight)).map(s, s.setWeight).isSorted()",
        message = "setWeight values must not decrease from one step to the next",
        fieldPath = ".steps")
public class CanaryStrategy {

    @JsonPropertyDescription("Steps, run in order; promotion follows the last.")
    @Required
    @Size(min = 1, max = 64)
    private List<CanaryStep> steps;

    @JsonPropertyDescription(
            "`GatewayAPI` sets weighted backendRefs on the ModelDeployment's HTTPRoute; `IngressNginx` adds an ingress-nginx canary Ingress beside its Ingress; `ReplicaRatio` approximates the weight by pod counts behind the one Service.")
    @Default("GatewayAPI")
    private TrafficRouter trafficRouter = TrafficRouter.GatewayAPI;

    @JsonPropertyDescription("How long the old revision keeps running after promotion, so in-flight requests finish.")
    @Default("30s")
    @Pattern("^([0-9]+(\\.[0-9]+)?(ms|s|m|h))+$")
    private String scaleDownDelay = "30s";

    public List<CanaryStep> getSteps() {
        return steps;
    }

    public void setSteps(List<CanaryStep> steps) {
        this.steps = steps;
    }

    public TrafficRouter getTrafficRouter() {
        return trafficRouter;
    }

    public void setTrafficRouter(TrafficRouter trafficRouter) {
        this.trafficRouter = trafficRouter;
    }

    public String getScaleDownDelay() {
        return scaleDownDelay;
    }

    public void setScaleDownDelay(String scaleDownDelay) {
        this.scaleDownDelay = scaleDownDelay;
    }
}
