package dev.gantry.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.gantry.api.v1alpha1.deployment.AuthSpec;
import dev.gantry.api.v1alpha1.deployment.AutoscalingSpec;
import dev.gantry.api.v1alpha1.deployment.CacheSpec;
import dev.gantry.api.v1alpha1.deployment.GatewaySpec;
import dev.gantry.api.v1alpha1.deployment.IngressSpec;
import dev.gantry.api.v1alpha1.deployment.ModelSource;
import dev.gantry.api.v1alpha1.deployment.RuntimeSpec;
import dev.gantry.api.v1alpha1.deployment.ServiceSpec;
import dev.gantry.api.v1alpha1.deployment.UpdateStrategySpec;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

/** Desired state of one served model. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
        value = "!(has(self.replicas) && has(self.autoscaling))",
        message = "set either replicas or autoscaling, not both",
        fieldPath = ".replicas")
public class ModelDeploymentSpec {

    @JsonPropertyDescription("The model to serve.")
    @Required
    private ModelSource model;

    @JsonPropertyDescription("The serving-runtime pods.")
    @Default("{}")
    private RuntimeSpec runtime = new RuntimeSpec();

    @JsonPropertyDescription(
            "Fixed number of serving pods; 1 when neither this nor autoscaling is set. Mutually exclusive with autoscaling.")
    @Min(0)
    @Max(1000)
    private Integer replicas;

    @JsonPropertyDescription("Horizontal autoscaling; mutually exclusive with replicas.")
    private AutoscalingSpec autoscaling;

    @JsonPropertyDescription("The Service in front of the stable revision.")
    @Default("{}")
    private ServiceSpec service = new ServiceSpec();

    @JsonPropertyDescription("An Ingress for the model.")
    private IngressSpec ingress;

    @JsonPropertyDescription("A Gateway API HTTPRoute for the model.")
    private GatewaySpec gateway;

    @JsonPropertyDescription("Response cache.")
    @Default("{}")
    private CacheSpec cache = new CacheSpec();

    @JsonPropertyDescription("API keys and rate limits; the API is open when absent.")
    private AuthSpec auth;

    @JsonPropertyDescription("Pod replacement when the revision changes without a ModelRollout.")
    @Default("{}")
    private UpdateStrategySpec updateStrategy = new UpdateStrategySpec();

    public ModelSource getModel() {
        return model;
    }

    public void setModel(ModelSource model) {
        this.model = model;
    }

    public RuntimeSpec getRuntime() {
        return runtime;
    }

    public void setRuntime(RuntimeSpec runtime) {
        this.runtime = runtime;
    }

    public Integer getReplicas() {
        return replicas;
    }

    public void setReplicas(Integer replicas) {
        this.replicas = replicas;
    }

    public AutoscalingSpec getAutoscaling() {
        return autoscaling;
    }

    public void setAutoscaling(AutoscalingSpec autoscaling) {
        this.autoscaling = autoscaling;
    }

    public ServiceSpec getService() {
        return service;
    }

    public void setService(ServiceSpec service) {
        this.service = service;
    }

    public IngressSpec getIngress() {
        return ingress;
    }

    public void setIngress(IngressSpec ingress) {
        this.ingress = ingress;
    }

    public GatewaySpec getGateway() {
        return gateway;
    }

    public void setGateway(GatewaySpec gateway) {
        this.gateway = gateway;
    }

    public CacheSpec getCache() {
        return cache;
    }

    public void setCache(CacheSpec cache) {
        this.cache = cache;
    }

    public AuthSpec getAuth() {
        return auth;
    }

    public void setAuth(AuthSpec auth) {
        this.auth = auth;
    }

    public UpdateStrategySpec getUpdateStrategy() {
        return updateStrategy;
    }

    public void setUpdateStrategy(UpdateStrategySpec updateStrategy) {
        this.updateStrategy = updateStrategy;
    }
}
