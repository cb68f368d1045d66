package dev.gantry.api.v1alpha1.rollout;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** An instant PromQL query whose single result is compared with the success condition. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PrometheusMetric {

    @JsonPropertyDescription("Base URL of the Prometheus HTTP API, for example `http://prometheus.monitoring:9090`.")
    @Required
    @Pattern("^https?://.+$")
    private String address;

    @JsonPropertyDescription(
            "PromQL query; `{{revision}}`, `{{namespace}}` and `{{name}}` (the ModelDeployment) are replaced before it runs.")
    @Required
    @Size(min = 1, max = 4096)
    private String query;

    @JsonPropertyDescription("Query timeout.")
    @Default("10s")
    @Pattern("^([0-9]+(\\.[0-9]+)?(ms|s|m|h))+$")
    private String timeout = "10s";

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }

    public String getTimeout() {
        return timeout;
    }

    public void setTimeout(String timeout) {
        this.timeout = timeout;
    }
}
