package dev.gantry.api.v1alpha1.deployment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** State of the response cache. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CacheStatus {

    @JsonPropertyDescription("Cache mode in effect.")
    private CacheMode mode;

    @JsonPropertyDescription("Redis host and port the runtime uses (no credentials).")
    private String endpoint;

    @JsonPropertyDescription("Whether the cache is reachable and ready.")
    private Boolean ready;

    public CacheMode getMode() {
        return mode;
    }

    public void setMode(CacheMode mode) {
        this.mode = mode;
    }

    public String getEndpoint() {
        return endpoint;
    }

    public void setEndpoint(String endpoint) {
        this.endpoint = endpoint;
    }

    public Boolean getReady() {
        return ready;
    }

    public void setReady(Boolean ready) {
        this.ready = ready;
    }
}
