package dev.gantry.api.v1alpha1.deployment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.ValidationRule;

/** Continuous-batching and admission limits of each runtime pod. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
        value = "self.maxBatchSize <= self.maxConcurrentSequences",
        message = "maxBatchSize must not exceed maxConcurrentSequences",
        fieldPath = ".maxBatchSize")
public class BatchingSpec {

    @JsonPropertyDescription("Most sequences decoded together in one forward pass.")
    @Default("8")
    @Min(1)
    @Max(1024)
    private Integer maxBatchSize = 8;

    @JsonPropertyDescription("Most sequences admitted at once (running plus prefilling); others wait in the queue.")
    @Default("64")
    @Min(1)
    @Max(65536)
    private Integer maxConcurrentSequences = 64;

    @JsonPropertyDescription(
            "Most requests waiting for admission; beyond it the server answers 429 with `Retry-After`.")
    @Default("256")
    @Min(0)
    @Max(1048576)
    private Integer maxQueueSize = 256;

    @JsonPropertyDescription("Longest a request waits in the queue before it is answered 503 with `Retry-After`.")
    @Default("30s")
    @Pattern("^([0-9]+(\\.[0-9]+)?(ms|s|m|h))+$")
    private String queueTimeout = "30s";

    public Integer getMaxBatchSize() {
        return maxBatchSize;
    }

    public void setMaxBatchSize(Integer maxBatchSize) {
        this.maxBatchSize = maxBatchSize;
    }

    public Integer getMaxConcurrentSequences() {
        return maxConcurrentSequences;
    }

    public void setMaxConcurrentSequences(Integer maxConcurrentSequences) {
        this.maxConcurrentSequences = maxConcurrentSequences;
    }

    public Integer getMaxQueueSize() {
        return maxQueueSize;
    }

    public void setMaxQueueSize(Integer maxQueueSize) {
        this.maxQueueSize = maxQueueSize;
    }

    public String getQueueTimeout() {
        return queueTimeout;
    }

    public void setQueueTimeout(String queueTimeout) {
        this.queueTimeout = queueTimeout;
    }
}
