package dev.gantry.api.v1alpha1.deployment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.Map;

/** A networking.k8s.io/v1 Ingress for the model. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class IngressSpec {

    @JsonPropertyDescription("IngressClass name.")
    @Size(max = 253)
    private String className;

    @JsonPropertyDescription("Host name the Ingress serves.")
    @Required
    @Pattern("^(\\*\\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")
    @Size(max = 253)
    private String host;

    @JsonPropertyDescription("Path served.")
    @Default("/")
    @Pattern("^/.*$")
    private String path = "/";

    @JsonPropertyDescription("Path match type.")
    @Default("Prefix")
    private PathType pathType = PathType.Prefix;

    @JsonPropertyDescription("TLS settings; plain HTTP when absent.")
    private IngressTls tls;

    @JsonPropertyDescription("Extra annotations, for example for the ingress controller or cert-manager.")
    private Map<String, String> annotations;

    public String getClassName() {
        return className;
    }

    public void setClassName(String className) {
        this.className = className;
    }

    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    public PathType getPathType() {
        return pathType;
    }

    public void setPathType(PathType pathType) {
        this.pathType = pathType;
    }

    public IngressTls getTls() {
        return tls;
    }

    public void setTls(IngressTls tls) {
        this.tls = tls;
    }

    public Map<String, String> getAnnotations() {
        return annotations;
    }

    public void setAnnotations(Map<String, String> annotations) {
        this.annotations = annotations;
    }
}
