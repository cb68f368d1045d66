package dev.gantry.api.v1alpha1.rollout;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** A named health check: exactly one provider, and for built-in and Prometheus metrics a success condition. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
        value = "[has(self.builtIn), has(self.prometheus), has(self.webhook)].filter(x, x).size() == 1",
        message = "set exactly one of builtIn, prometheus and webhook")
@ValidationRule(
        value = "has(self.webhook) || has(self.successCondition)",
        message = "successCondition is required for builtIn and prometheus metrics",
        fieldPath = ".successCondition")
@ValidationRule(
        value = "!has(self.webhook) || !has(self.successCondition)",
        message = "a webhook passes on a 2xx answer and takes no successCondition",
        fieldPath = ".successCondition")
public class MetricSpec {

    @JsonPropertyDescription("Name steps refer to, for example `error-rate`.")
    @Required
    @Pattern("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")
    @Size(max = 63)
    private String name;

    @JsonPropertyDescription(
            "Condition on `result` that passes, for example `result < 0.05` or `result >= 0.9 && result <= 1`.")
    @Pattern(
            "^\\s*result\\s*(<|<=|>|>=|==|!=)\\s*-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?(\\s*(&&|\\|\\|)\\s*result\\s*(<|<=|>|>=|==|!=)\\s*-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?)*\\s*$")
    @Size(max = 256)
    private String successCondition;

    @JsonPropertyDescription("Computed from the runtime's own metrics.")
    private BuiltInMetric builtIn;

    @JsonPropertyDescription("A Prometheus query.")
    private PrometheusMetric prometheus;

    @JsonPropertyDescription("A webhook.")
    private WebhookMetric webhook;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getSuccessCondition() {
        return successCondition;
    }

    public void setSuccessCondition(String successCondition) {
        this.successCondition = successCondition;
    }

    public BuiltInMetric getBuiltIn() {
        return builtIn;
    }

    public void setBuiltIn(BuiltInMetric builtIn) {
        this.builtIn = builtIn;
    }

    public PrometheusMetric getPrometheus() {
        return prometheus;
    }

    public void setPrometheus(PrometheusMetric prometheus) {
        this.prometheus = prometheus;
    }

    public WebhookMetric getWebhook() {
        return webhook;
    }

    public void setWebhook(WebhookMetric webhook) {
        this.webhook = webhook;
    }
}
