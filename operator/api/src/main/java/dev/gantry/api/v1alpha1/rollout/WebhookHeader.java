package dev.gantry.api.v1alpha1.rollout;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.gantry.api.v1alpha1.SecretKeyRef;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

/** An HTTP header sent with a webhook call. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "has(self.value) != has(self.valueFrom)", message = "set exactly one of value and valueFrom")
public class WebhookHeader {

    @JsonPropertyDescription("Header name.")
    @Required
    @Pattern("^[A-Za-z0-9-]+$")
    private String name;

    @JsonPropertyDescription("Literal header value.")
    private String value;

    @JsonPropertyDescription("Secret key holding the header value, for tokens.")
    private SecretKeyRef valueFrom;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }

    public SecretKeyRef getValueFrom() {
        return valueFrom;
    }

    public void setValueFrom(SecretKeyRef valueFrom) {
        this.valueFrom = valueFrom;
    }
}
