package dev.gantry.api.v1alpha1.deployment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import java.util.Map;

/** The Service in front of the stable revision. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ServiceSpec {

    @JsonPropertyDescription("Service type.")
    @Default("ClusterIP")
    private ServiceType type = ServiceType.ClusterIP;

    @JsonPropertyDescription("Service port; the runtime listens on 8080 behind it.")
    @Default("80")
    @Min(1)
    @Max(65535)
    private Integer port = 80;

    @JsonPropertyDescription("Extra annotations on the Service.")
    private Map<String, String> annotations;

    public ServiceType getType() {
        return type;
    }

    public void setType(ServiceType type) {
        this.type = type;
    }

    public Integer getPort() {
        return port;
    }

    public void setPort(Integer port) {
        this.port = port;
    }

    public Map<String, String> getAnnotations() {
        return annotations;
    }

    public void setAnnotations(Map<String, String> annotations) {
        this.annotations = annotations;
    }
}
