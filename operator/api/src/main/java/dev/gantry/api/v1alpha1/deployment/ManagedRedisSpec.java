package dev.gantry.api.v1alpha1.deployment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.kubernetes.api.model.ResourceRequirements;

/** A Redis the operator runs for this ModelDeployment. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ManagedRedisSpec {

    @JsonPropertyDescription("Redis image.")
    @Default("docker.io/library/redis:7.4-alpine")
    @Size(max = 1024)
    private String image = "docker.io/library/redis:7.4-alpine";

    @JsonPropertyDescription("Redis `maxmemory`; the container memory limit is set 25% above it.")
    @Default("256Mi")
    @Pattern("^[0-9]+(\\.[0-9]+)?(Ki|Mi|Gi|Ti|k|M|G|T)?$")
    private String maxMemory = "256Mi";

    @JsonPropertyDescription("Redis `maxmemory-policy`.")
    @Default("allkeys-lru")
    private EvictionPolicy evictionPolicy = EvictionPolicy.ALLKEYS_LRU;

    @JsonPropertyDescription("Compute resources of the Redis container; memory defaults from `maxMemory`.")
    private ResourceRequirements resources;

    @JsonPropertyDescription("Persistence; none (a Deployment with an emptyDir) when absent.")
    private RedisPersistence persistence;

    public String getImage() {
        return image;
    }

    public void setImage(String image) {
        this.image = image;
    }

    public String getMaxMemory() {
        return maxMemory;
    }

    public void setMaxMemory(String maxMemory) {
        this.maxMemory = maxMemory;
    }

    public EvictionPolicy getEvictionPolicy() {
        return evictionPolicy;
    }

    public void setEvictionPolicy(EvictionPolicy evictionPolicy) {
        this.evictionPolicy = evictionPolicy;
    }

    public ResourceRequirements getResources() {
        return resources;
    }

    public void setResources(ResourceRequirements resources) {
        this.resources = resources;
    }

    public RedisPersistence getPersistence() {
        return persistence;
    }

    public void setPersistence(RedisPersistence persistence) {
        this.persistence = persistence;
    }
}
