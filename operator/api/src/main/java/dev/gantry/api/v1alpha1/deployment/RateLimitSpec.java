package dev.gantry.api.v1alpha1.deployment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;

/** Per-API-key token bucket, shared across replicas through the cache's Redis when there is one. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RateLimitSpec {

    @JsonPropertyDescription("Sustained requests per minute per key.")
    @Required
    @Min(1)
    private Integer requestsPerMinute;

    @JsonPropertyDescription("Requests a key may make at once above the sustained rate.")
    @Min(1)
    private Integer burst;

    public Integer getRequestsPerMinute() {
        return requestsPerMinute;
    }

    public void setRequestsPerMinute(Integer requestsPerMinute) {
        this.requestsPerMinute = requestsPerMinute;
    }

    public Integer getBurst() {
        return burst;
    }

    public void setBurst(Integer burst) {
        this.burst = burst;
    }
}
