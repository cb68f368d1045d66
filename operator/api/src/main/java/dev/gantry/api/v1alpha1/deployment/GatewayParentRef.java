package dev.gantry.api.v1alpha1.deployment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** A Gateway (or listener of one) the HTTPRoute attaches to. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class GatewayParentRef {

    @JsonPropertyDescription("Gateway name.")
    @Required
    @Size(max = 253)
    private String name;

    @JsonPropertyDescription("Gateway namespace; defaults to the ModelDeployment's.")
    @Size(max = 63)
    private String namespace;

    @JsonPropertyDescription("Listener name within the Gateway.")
    @Size(max = 253)
    private String sectionName;

    @JsonPropertyDescription("Listener port within the Gateway.")
    @Min(1)
    @Max(65535)
    private Integer port;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getNamespace() {
        return namespace;
    }

    public void setNamespace(String namespace) {
        this.namespace = namespace;
    }

    public String getSectionName() {
        return sectionName;
    }

    public void setSectionName(String sectionName) {
        this.sectionName = sectionName;
    }

    public Integer getPort() {
        return port;
    }

    public void setPort(Integer port) {
        this.port = port;
    }
}
