package dev.gantry.operator.render;

import dev.gantry.api.v1alpha1.deployment.ModelSource;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import java.util.ArrayList;
import java.util.List;

/** The runtime pod's volumes: /tmp, the model and tokenizer per URI scheme, and the mounted API keys. */
final class RuntimeVolumes {

    static final String TMP = "tmp";
    static final String MODEL = "model";
    static final String TOKENIZER = "tokenizer";
    static final String API_KEYS = "api-keys";
    /** Owner and group (the pod's fsGroup) may read; nobody else. */
    private static final int SECRET_FILE_MODE = 0440;

    private final List<Volume> volumes = new ArrayList<>();
    private final List<VolumeMount> runtimeMounts = new ArrayList<>();

    private RuntimeVolumes() {}

    static RuntimeVolumes of(RevisionSpec spec) {
        var result = new RuntimeVolumes();
        result.add(emptyDir(TMP), RuntimeContainers.mount(TMP, RuntimeEnvironment.TMP_DIR, false));
        ModelSource model = spec.model();
        result.addLocation(MODEL, ModelLocation.parse(model.getUri()), RuntimeEnvironment.MODEL_DIR);
        if (model.getTokenizerUri() != null) {
            result.addLocation(
                    TOKENIZER, ModelLocation.parse(model.getTokenizerUri()), RuntimeEnvironment.TOKENIZER_DIR);
        }
        if (spec.auth() != null) {
            var keys = new VolumeBuilder()
                    .withName(API_KEYS)
                    .withNewSecret()
                    .withSecretName(spec.auth().getApiKeysSecretRef().getName())
                    .withDefaultMode(SECRET_FILE_MODE)
                    .endSecret()
                    .build();
            result.add(keys, RuntimeContainers.mount(API_KEYS, RuntimeEnvironment.API_KEYS_DIR, true));
        }
        return result;
    }

    private void addLocation(String name, ModelLocation location, String mountPath) {
        switch (location.scheme()) {
            case PVC -> {
                var volume = new VolumeBuilder()
                        .withName(name)
                        .withNewPersistentVolumeClaim()
                        .withClaimName(location.claim())
                        .withReadOnly(true)
                        .endPersistentVolumeClaim()
                        .build();
                var mount = new VolumeMountBuilder()
                        .withName(name)
                        .withMountPath(mountPath)
                        .withReadOnly(true);
                if (!location.subPath().isEmpty()) {
                    mount.withSubPath(location.subPath());
                }
                add(volume, mount.build());
            }
            case HF, HTTPS -> add(emptyDir(name), RuntimeContainers.mount(name, mountPath, true));
            case FILE -> {
                // Already inside the image: nothing to mount.
            }
        }
    }

    private void add(Volume volume, VolumeMount mount) {
        volumes.add(volume);
        runtimeMounts.add(mount);
    }

    private static Volume emptyDir(String name) {
        return new VolumeBuilder()
                .withName(name)
                .withNewEmptyDir()
                .endEmptyDir()
                .build();
    }

    List<Volume> volumes() {
        return volumes;
    }

    List<VolumeMount> runtimeMounts() {
        return runtimeMounts;
    }
}
