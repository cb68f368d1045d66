package dev.gantry.api.v1alpha1.deployment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.gantry.api.v1alpha1.SecretKeyRef;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/** A Redis the user runs. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ExternalRedisSpec {

    @JsonPropertyDescription(
            "Redis URL, `redis://host:port/db` or `rediss://` for TLS. Must not contain a password; use passwordSecretRef.")
    @Required
    @Pattern("^rediss?://[^:@/\\s]+(:[0-9]+)?(/[0-9]+)?$")
    private String url;

    @JsonPropertyDescription("Secret key holding the Redis password.")
    private SecretKeyRef passwordSecretRef;

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public SecretKeyRef getPasswordSecretRef() {
        return passwordSecretRef;
    }

    public void setPasswordSecretRef(SecretKeyRef passwordSecretRef) {
        this.passwordSecretRef = passwordSecretRef;
    }
}
