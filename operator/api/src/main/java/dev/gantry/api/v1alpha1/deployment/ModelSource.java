package dev.gantry.api.v1alpha1.deployment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.gantry.api.v1alpha1.SecretKeyRef;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** Where the model comes from and how it is served. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
        value = "!has(self.sha256) || self.uri.startsWith('https://')",
        message = "sha256 applies only to https:// archives",
        fieldPath = ".sha256")
@ValidationRule(
        value = "!has(self.credentialsSecretRef) || self.uri.startsWith('hf://') || self.uri.startsWith('https://')",
        message = "credentialsSecretRef applies only to hf:// and https:// models",
        fieldPath = ".credentialsSecretRef")
public class ModelSource {

    @JsonPropertyDescription(
            "Location of a Hugging Face-style model directory. `pvc://<claim>/<path>` mounts a PersistentVolumeClaim read-only; `hf://<org>/<name>[@<revision>]` and `https://<host>/<archive>.tar.gz|.tgz|.zip` are downloaded by an init container into an emptyDir before the server starts; `file:///<path>` is a directory already present in the runtime image.")
    @Required
    @Pattern(
            "^(pvc://[a-z0-9]([-a-z0-9.]*[a-z0-9])?(/.*)?|hf://[A-Za-z0-9][-A-Za-z0-9_.]*/[A-Za-z0-9][-A-Za-z0-9_.]*(@[-A-Za-z0-9_./]+)?|https://[^\\s]+|file:///[^\\s]*)$")
    @Size(max = 2048)
    private String uri;

    @JsonPropertyDescription(
            "Model name clients send in the `model` field of OpenAI requests and see in `GET /v1/models`.")
    @Required
    @Pattern("^[A-Za-z0-9][-A-Za-z0-9_.:/]*$")
    @Size(max = 128)
    private String name;

    @JsonPropertyDescription(
            "Weights format: `Safetensors` (a `model.safetensors` file or shards with `model.safetensors.index.json`) or `TorchScript`.")
    @Default("Safetensors")
    private ModelFormat format = ModelFormat.Safetensors;

    @JsonPropertyDescription(
            "Compute type. `Auto` uses float32 on CPU and float16 on GPU. bfloat16 checkpoints load and are converted; bfloat16 compute is not offered by the bundled runtime.")
    @Default("Auto")
    private ModelDtype dtype = ModelDtype.Auto;

    @JsonPropertyDescription(
            "Longest sequence (prompt plus generated tokens) the server accepts. Defaults to `max_position_embeddings` from the model's `config.json`.")
    @Min(1)
    private Integer maxContextLength;

    @JsonPropertyDescription(
            "Optional separate location of `tokenizer.json` and `tokenizer_config.json`, with the same schemes as `uri`. Defaults to the model directory.")
    @Size(max = 2048)
    private String tokenizerUri;

    @JsonPropertyDescription(
            "Secret key holding the Hugging Face token for `hf://` or a bearer token for `https://` downloads. Never logged.")
    private SecretKeyRef credentialsSecretRef;

    @JsonPropertyDescription("Expected SHA-256 of the `https://` archive; the download fails if it differs.")
    @Pattern("^[a-f0-9]{64}$")
    private String sha256;

    public String getUri() {
        return uri;
    }

    public void setUri(String uri) {
        this.uri = uri;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public ModelFormat getFormat() {
        return format;
    }

    public void setFormat(ModelFormat format) {
        this.format = format;
    }

    public ModelDtype getDtype() {
        return dtype;
    }

    public void setDtype(ModelDtype dtype) {
        this.dtype = dtype;
    }

    public Integer getMaxContextLength() {
        return maxContextLength;
    }

    public void setMaxContextLength(Integer maxContextLength) {
        this.maxContextLength = maxContextLength;
    }

    public String getTokenizerUri() {
        return tokenizerUri;
    }

    public void setTokenizerUri(String tokenizerUri) {
        this.tokenizerUri = tokenizerUri;
    }

    public SecretKeyRef getCredentialsSecretRef() {
        return credentialsSecretRef;
    }

    public void setCredentialsSecretRef(SecretKeyRef credentialsSecretRef) {
        this.credentialsSecretRef = credentialsSecretRef;
    }

    public String getSha256() {
        return sha256;
    }

    public void setSha256(String sha256) {
        this.sha256 = sha256;
    }
}
