package dev.gantry.api.v1alpha1.rollout;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/** A webhook that receives the rollout context as JSON; a 2xx answer passes. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class WebhookMetric {

    @JsonPropertyDescription("URL the operator POSTs to.")
    @Required
    @Pattern("^https?://.+$")
    private String url;

    @JsonPropertyDescription("Call timeout; a timeout counts as an error.")
    @Default("10s")
    @Pattern("^([0-9]+(\\.[0-9]+)?(ms|s|m|h))+$")
    private String timeout = "10s";

    @JsonPropertyDescription("Extra request headers.")
    @Size(max = 16)
    private List<WebhookHeader> headers;

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getTimeout() {
        return timeout;
    }

    public void setTimeout(String timeout) {
        this.timeout = timeout;
    }

    public List<WebhookHeader> getHeaders() {
        return headers;
    }

    public void setHeaders(List<WebhookHeader> headers) {
        this.headers = headers;
    }
}
