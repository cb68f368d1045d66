package dev.gantry.api.v1alpha1.deployment;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Redis `maxmemory-policy` values. */
public enum EvictionPolicy {
    @JsonProperty("allkeys-lru")
    ALLKEYS_LRU,
    @JsonProperty("allkeys-lfu")
    ALLKEYS_LFU,
    @JsonProperty("allkeys-random")
    ALLKEYS_RANDOM,
    @JsonProperty("volatile-lru")
    VOLATILE_LRU,
    @JsonProperty("volatile-lfu")
    VOLATILE_LFU,
    @JsonProperty("volatile-random")
    VOLATILE_RANDOM,
    @JsonProperty("volatile-ttl")
    VOLATILE_TTL,
    @JsonProperty("noeviction")
    NOEVICTION
}
