package dev.gantry.api.v1alpha1.deployment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** TLS termination at the Ingress. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class IngressTls {

    @JsonPropertyDescription("Secret of type kubernetes.io/tls holding the certificate for `host`.")
    @Required
    @Size(max = 253)
    private String secretName;

    public String getSecretName() {
        return secretName;
    }

    public void setSecretName(String secretName) {
        this.secretName = secretName;
    }
}
