package dev.gantry.operator.render;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.gantry.api.v1alpha1.ModelDeploymentSpec;
import dev.gantry.api.v1alpha1.deployment.AuthSpec;
import dev.gantry.api.v1alpha1.deployment.Device;
import dev.gantry.api.v1alpha1.deployment.ModelSource;
import dev.gantry.api.v1alpha1.deployment.RuntimeSpec;
import dev.gantry.operator.cache.CacheBinding;

/**
 * Everything that changes a revision's pods, and nothing else: the model, the runtime (with the effective
 * image), the cache the runtime talks to and its API-key settings. Its hash is the revision; a snapshot of it
 * is kept on the revision's objects so that an older revision can be re-rendered after the spec moved on.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RevisionSpec(ModelSource model, RuntimeSpec runtime, CacheBinding cache, AuthSpec auth) {

    public static RevisionSpec of(String md, ModelDeploymentSpec spec, OperatorDefaults defaults) {
        var runtime =
                Revisions.copy(spec.getRuntime() == null ? new RuntimeSpec() : spec.getRuntime(), RuntimeSpec.class);
        runtime.setImage(effectiveImage(runtime, defaults));
        return new RevisionSpec(
                Revisions.copy(spec.getModel(), ModelSource.class),
                runtime,
                CacheBinding.of(md, spec.getCache()),
                spec.getAuth() == null ? null : Revisions.copy(spec.getAuth(), AuthSpec.class));
    }

    static String effectiveImage(RuntimeSpec runtime, OperatorDefaults defaults) {
        if (runtime.getImage() != null && !runtime.getImage().isBlank()) {
            return runtime.getImage();
        }
        return runtime.getDevice() == Device.GPU ? defaults.gpuRuntimeImage() : defaults.runtimeImage();
    }

    public boolean gpu() {
        return runtime.getDevice() == Device.GPU;
    }
}
