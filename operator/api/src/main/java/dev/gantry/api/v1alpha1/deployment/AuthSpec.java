package dev.gantry.api.v1alpha1.deployment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.gantry.api.v1alpha1.SecretRef;
import io.fabric8.generator.annotation.Required;

/** API-key authentication of the model's HTTP API. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AuthSpec {

    @JsonPropertyDescription(
            "Secret whose every value is an API key (plain, or `sha256:<hex>` of the key). The runtime keeps only hashes.")
    @Required
    private SecretRef apiKeysSecretRef;

    @JsonPropertyDescription("Per-key rate limit; unlimited when absent.")
    private RateLimitSpec rateLimit;

    public SecretRef getApiKeysSecretRef() {
        return apiKeysSecretRef;
    }

    public void setApiKeysSecretRef(SecretRef apiKeysSecretRef) {
        this.apiKeysSecretRef = apiKeysSecretRef;
    }

    public RateLimitSpec getRateLimit() {
        return rateLimit;
    }

    public void setRateLimit(RateLimitSpec rateLimit) {
        this.rateLimit = rateLimit;
    }
}
