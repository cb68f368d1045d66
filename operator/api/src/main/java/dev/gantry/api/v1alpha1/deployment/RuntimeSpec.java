package dev.gantry.api.v1alpha1.deployment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Toleration;
import java.util.List;
import java.util.Map;

/** The serving-runtime pods: image, device, resources, limits and scheduling. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
        value =
                "!has(self.podLabels) || self.podLabels.all(k, !k.startsWith('app.kubernetes.io/') && !k.startsWith('gantry.dev/'))",
        message = "podLabels must not use the reserved prefixes app.kubernetes.io/ and gantry.dev/",
        fieldPath = ".podLabels")
public class RuntimeSpec {

    @JsonPropertyDescription("Serving-runtime image. Defaults to the operator's configured runtime image.")
    @Size(max = 1024)
    private String image;

    @JsonPropertyDescription("Image pull policy.")
    @Default("IfNotPresent")
    private PullPolicy imagePullPolicy = PullPolicy.IfNotPresent;

    @JsonPropertyDescription("Secrets for pulling the image.")
    private List<LocalObjectReference> imagePullSecrets;

    @JsonPropertyDescription("Extra command-line flags passed to the runtime.")
    private List<String> args;

    @JsonPropertyDescription("Extra environment variables for the runtime container.")
    private List<EnvVar> env;

    @JsonPropertyDescription(
            "Compute device: `CPU`, or `GPU` (requests `nvidia.com/gpu` and selects the CUDA runtime image).")
    @Default("CPU")
    private Device device = Device.CPU;

    @JsonPropertyDescription(
            "Compute resources of the runtime container. With `device: GPU`, `nvidia.com/gpu` defaults to 1 when not set.")
    private ResourceRequirements resources;

    @JsonPropertyDescription("Batching and queue limits.")
    @Default("{}")
    private BatchingSpec batching = new BatchingSpec();

    @JsonPropertyDescription("Generation defaults and hard limits.")
    @Default("{}")
    private GenerationSpec generation = new GenerationSpec();

    @JsonPropertyDescription("Allowed constrained-generation kinds.")
    @Default("{}")
    private ConstraintPolicy constraints = new ConstraintPolicy();

    @JsonPropertyDescription("Model-loading time budget.")
    @Default("{}")
    private StartupSpec startup = new StartupSpec();

    @JsonPropertyDescription("Graceful drain on stop.")
    @Default("{}")
    private ShutdownSpec shutdown = new ShutdownSpec();

    @JsonPropertyDescription("Node labels the pods must match.")
    private Map<String, String> nodeSelector;

    @JsonPropertyDescription("Tolerations, for example of GPU node taints.")
    private List<Toleration> tolerations;

    @JsonPropertyDescription("Node and pod affinity of the runtime pods.")
    private Affinity affinity;

    @JsonPropertyDescription("Priority class of the runtime pods.")
    @Size(max = 253)
    private String priorityClassName;

    @JsonPropertyDescription(
            "Extra labels on the runtime pods. Labels under `app.kubernetes.io/` and `gantry.dev/` are reserved.")
    private Map<String, String> podLabels;

    @JsonPropertyDescription("Extra annotations on the runtime pods.")
    private Map<String, String> podAnnotations;

    @JsonPropertyDescription(
            "Service account of the runtime pods. Defaults to one with no API access and no mounted token.")
    @Size(max = 253)
    private String serviceAccountName;

    public String getImage() {
        return image;
    }

    public void setImage(String image) {
        this.image = image;
    }

    public PullPolicy getImagePullPolicy() {
        return imagePullPolicy;
    }

    public void setImagePullPolicy(PullPolicy imagePullPolicy) {
        this.imagePullPolicy = imagePullPolicy;
    }

    public List<LocalObjectReference> getImagePullSecrets() {
        return imagePullSecrets;
    }

    public void setImagePullSecrets(List<LocalObjectReference> imagePullSecrets) {
        this.imagePullSecrets = imagePullSecrets;
    }

    public List<String> getArgs() {
        return args;
    }

    public void setArgs(List<String> args) {
        this.args = args;
    }

    public List<EnvVar> getEnv() {
        return env;
    }

    public void setEnv(List<EnvVar> env) {
        this.env = env;
    }

    public Device getDevice() {
        return device;
    }

    public void setDevice(Device device) {
        this.device = device;
    }

    public ResourceRequirements getResources() {
        return resources;
    }

    public void setResources(ResourceRequirements resources) {
        this.resources = resources;
    }

    public BatchingSpec getBatching() {
        return batching;
    }

    public void setBatching(BatchingSpec batching) {
        this.batching = batching;
    }

    public GenerationSpec getGeneration() {
        return generation;
    }

    public void setGeneration(GenerationSpec generation) {
        this.generation = generation;
    }

    public ConstraintPolicy getConstraints() {
        return constraints;
    }

    public void setConstraints(ConstraintPolicy constraints) {
        this.constraints = constraints;
    }

    public StartupSpec getStartup() {
        return startup;
    }

    public void setStartup(StartupSpec startup) {
        this.startup = startup;
    }

    public ShutdownSpec getShutdown() {
        return shutdown;
    }

    public void setShutdown(ShutdownSpec shutdown) {
        this.shutdown = shutdown;
    }

    public Map<String, String> getNodeSelector() {
        return nodeSelector;
    }

    public void setNodeSelector(Map<String, String> nodeSelector) {
        this.nodeSelector = nodeSelector;
    }

    public List<Toleration> getTolerations() {
        return tolerations;
    }

    public void setTolerations(List<Toleration> tolerations) {
        this.tolerations = tolerations;
    }

    public Affinity getAffinity() {
        return affinity;
    }

    public void setAffinity(Affinity affinity) {
        this.affinity = affinity;
    }

    public String getPriorityClassName() {
        return priorityClassName;
    }

    public void setPriorityClassName(String priorityClassName) {
        this.priorityClassName = priorityClassName;
    }

    public Map<String, String> getPodLabels() {
        return podLabels;
    }

    public void setPodLabels(Map<String, String> podLabels) {
        this.podLabels = podLabels;
    }

    public Map<String, String> getPodAnnotations() {
        return podAnnotations;
    }

    public void setPodAnnotations(Map<String, String> podAnnotations) {
        this.podAnnotations = podAnnotations;
    }

    public String getServiceAccountName() {
        return serviceAccountName;
    }

    public void setServiceAccountName(String serviceAccountName) {
        this.serviceAccountName = serviceAccountName;
    }
}
