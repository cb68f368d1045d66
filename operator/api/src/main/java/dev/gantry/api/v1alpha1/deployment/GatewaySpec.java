package dev.gantry.api.v1alpha1.deployment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/** A Gateway API HTTPRoute (gateway.networking.k8s.io/v1) for the model; the primary traffic router for rollouts. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class GatewaySpec {

    @JsonPropertyDescription("Gateways the route attaches to.")
    @Required
    @Size(min = 1, max = 32)
    private List<GatewayParentRef> parentRefs;

    @JsonPropertyDescription("Host names the route matches; all when empty.")
    @Size(max = 16)
    private List<String> hostnames;

    @JsonPropertyDescription("Path prefix the route matches.")
    @Default("/")
    @Pattern("^/.*$")
    private String path = "/";

    public List<GatewayParentRef> getParentRefs() {
        return parentRefs;
    }

    public void setParentRefs(List<GatewayParentRef> parentRefs) {
        this.parentRefs = parentRefs;
    }

    public List<String> getHostnames() {
        return hostnames;
    }

    public void setHostnames(List<String> hostnames) {
        this.hostnames = hostnames;
    }

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }
}
