package dev.gantry.api.v1alpha1.deployment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.ValidationRule;

/** Response cache for deterministic requests (greedy or seeded). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
        value = "self.mode != 'External' || has(self.external)",
        message = "external is required when mode is External",
        fieldPath = ".external")
@ValidationRule(
        value = "self.mode == 'External' || !has(self.external)",
        message = "external is allowed only when mode is External",
        fieldPath = ".external")
@ValidationRule(
        value = "self.mode == 'Managed' || !has(self.managed)",
        message = "managed is allowed only when mode is Managed",
        fieldPath = ".managed")
public class CacheSpec {

    @JsonPropertyDescription(
            "`Managed` runs a Redis for this ModelDeployment; `External` uses `external.url`; `Disabled` caches nothing.")
    @Default("Disabled")
    private CacheMode mode = CacheMode.Disabled;

    @JsonPropertyDescription("How long a cached response lives.")
    @Default("1h")
    @Pattern("^([0-9]+(\\.[0-9]+)?(ms|s|m|h))+$")
    private String ttl = "1h";

    @JsonPropertyDescription("Settings of the managed Redis; only with mode Managed.")
    private ManagedRedisSpec managed;

    @JsonPropertyDescription("The external Redis; required with mode External.")
    private ExternalRedisSpec external;

    public CacheMode getMode() {
        return mode;
    }

    public void setMode(CacheMode mode) {
        this.mode = mode;
    }

    public String getTtl() {
        return ttl;
    }

    public void setTtl(String ttl) {
        this.ttl = ttl;
    }

    public ManagedRedisSpec getManaged() {
        return managed;
    }

    public void setManaged(ManagedRedisSpec managed) {
        this.managed = managed;
    }

    public ExternalRedisSpec getExternal() {
        return external;
    }

    public void setExternal(ExternalRedisSpec external) {
        this.external = external;
    }
}
