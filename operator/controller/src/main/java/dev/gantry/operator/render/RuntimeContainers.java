package dev.gantry.operator.render;

import dev.gantry.api.v1alpha1.SecretKeyRef;
import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.CapabilitiesBuilder;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The runtime container and the init containers that download hf:// and https:// models. */
final class RuntimeContainers {

    static final String RUNTIME = "runtime";
    static final String COMMAND = "gantry-runtime";
    static final String GPU_RESOURCE = "nvidia.com/gpu";
    private static final int STARTUP_PERIOD_SECONDS = 10;

    private RuntimeContainers() {}

    static Container runtime(String configMap, RevisionSpec spec, RuntimeVolumes volumes) {
        var runtime = spec.runtime();
        var args = new ArrayList<String>();
        args.add("serve");
        if (runtime.getArgs() != null) {
            args.addAll(runtime.getArgs());
        }
        var shutdown = ShutdownTiming.of(runtime.getShutdown().getGracePeriod());
        return new ContainerBuilder()
                .withName(RUNTIME)
                .withImage(runtime.getImage())
                .withImagePullPolicy(runtime.getImagePullPolicy().name())
                .withCommand(COMMAND)
                .withArgs(args)
                .addNewPort()
                .withName("http")
                .withContainerPort(RuntimeEnvironment.PORT)
                .withProtocol("TCP")
                .endPort()
                .addNewEnvFrom()
                .withNewConfigMapRef()
                .withName(configMap)
                .endConfigMapRef()
                .endEnvFrom()
                .withEnv(runtimeEnv(spec))
                .withResources(resources(spec))
                .withStartupProbe(startupProbe(runtime.getStartup().getTimeout()))
                .withReadinessProbe(httpProbe("/ready", 5, 3, 2))
                .withLivenessProbe(httpProbe("/health", 10, 5, 3))
                .withNewLifecycle()
                .withNewPreStop()
                .withNewSleep(shutdown.preStopSleepSeconds())
                .endPreStop()
                .endLifecycle()
                .withVolumeMounts(volumes.runtimeMounts())
                .withSecurityContext(restricted())
                .withTerminationMessagePolicy("FallbackToLogsOnError")
                .build();
    }

    /** One init container per downloaded location, running {@code gantry-runtime download} in the same image. */
    static List<Container> downloads(RevisionSpec spec, Optional<String> hfEndpoint) {
        var model = spec.model();
        var containers = new ArrayList<Container>();
        var modelLocation = ModelLocation.parse(model.getUri());
        if (modelLocation.scheme().downloaded()) {
            containers.add(download(
                    "model-download",
                    modelLocation,
                    RuntimeVolumes.MODEL,
                    RuntimeEnvironment.MODEL_DIR,
                    spec,
                    hfEndpoint));
        }
        if (model.getTokenizerUri() != null) {
            var tokenizer = ModelLocation.parse(model.getTokenizerUri());
            if (tokenizer.scheme().downloaded()) {
                containers.add(download(
                        "tokenizer-download",
                        tokenizer,
                        RuntimeVolumes.TOKENIZER,
                        RuntimeEnvironment.TOKENIZER_DIR,
                        spec,
                        hfEndpoint));
            }
        }
        return containers;
    }

    private static Container download(
            String name,
            ModelLocation location,
            String volume,
            String target,
            RevisionSpec spec,
            Optional<String> hfEndpoint) {
        var model = spec.model();
        var args = new ArrayList<>(List.of("download", "--uri", location.uri(), "--target", target));
        if (model.getSha256() != null && location.uri().equals(model.getUri())) {
            args.add("--sha256");
            args.add(model.getSha256());
        }
        var env = new ArrayList<EnvVar>();
        if (model.getCredentialsSecretRef() != null) {
            env.add(secretEnv("GANTRY_DOWNLOAD_TOKEN", model.getCredentialsSecretRef()));
        }
        hfEndpoint.ifPresent(endpoint -> env.add(new EnvVar("GANTRY_HF_ENDPOINT", endpoint, null)));
        env.add(new EnvVar("HOME", RuntimeEnvironment.TMP_DIR, null));
        return new ContainerBuilder()
                .withName(name)
                .withImage(spec.runtime().getImage())
                .withImagePullPolicy(spec.runtime().getImagePullPolicy().name())
                .withCommand(COMMAND)
                .withArgs(args)
                .withEnv(env)
                .withResources(withoutAccelerators(resources(spec)))
                .withVolumeMounts(
                        mount(volume, target, false), mount(RuntimeVolumes.TMP, RuntimeEnvironment.TMP_DIR, false))
                .withSecurityContext(restricted())
                .withTerminationMessagePolicy("FallbackToLogsOnError")
                .build();
    }

    private static List<EnvVar> runtimeEnv(RevisionSpec spec) {
        var env = new ArrayList<EnvVar>();
        var cache = spec.cache();
        if (cache != null && cache.enabled() && cache.password() != null) {
            env.add(secretEnv("GANTRY_CACHE_PASSWORD", cache.password()));
        }
        if (spec.runtime().getEnv() != null) {
            env.addAll(spec.runtime().getEnv());
        }
        return env;
    }

    static EnvVar secretEnv(String name, SecretKeyRef ref) {
        return new EnvVarBuilder()
                .withName(name)
                .withNewValueFrom()
                .withNewSecretKeyRef()
                .withName(ref.getName())
                .withKey(ref.getKey())
                .endSecretKeyRef()
                .endValueFrom()
                .build();
    }

    /**
     * The spec's resources, with one {@code nvidia.com/gpu} by default on GPU and GPU limits equal to requests;
     * {@code null} when nothing is set.
     */
    static ResourceRequirements resources(RevisionSpec spec) {
        var given = spec.runtime().getResources();
        var requests = new LinkedHashMap<String, Quantity>(
                given == null || given.getRequests() == null ? Map.of() : given.getRequests());
        var limits = new LinkedHashMap<String, Quantity>(
                given == null || given.getLimits() == null ? Map.of() : given.getLimits());
        if (spec.gpu()) {
            var gpus = Optional.ofNullable(limits.get(GPU_RESOURCE))
                    .or(() -> Optional.ofNullable(requests.get(GPU_RESOURCE)))
                    .orElse(new Quantity("1"));
            limits.put(GPU_RESOURCE, gpus);
        }
        if (requests.isEmpty() && limits.isEmpty()) {
            return null;
        }
        var builder = new ResourceRequirementsBuilder();
        if (!requests.isEmpty()) {
            builder.withRequests(requests);
        }
        if (!limits.isEmpty()) {
            builder.withLimits(limits);
        }
        return builder.build();
    }

    private static ResourceRequirements withoutAccelerators(ResourceRequirements resources) {
        if (resources == null) {
            return null;
        }
        var builder = new ResourceRequirementsBuilder();
        if (resources.getRequests() != null) {
            builder.withRequests(cpuAndMemory(resources.getRequests()));
        }
        if (resources.getLimits() != null) {
            builder.withLimits(cpuAndMemory(resources.getLimits()));
        }
        return builder.build();
    }

    private static Map<String, Quantity> cpuAndMemory(Map<String, Quantity> quantities) {
        var result = new LinkedHashMap<String, Quantity>();
        quantities.forEach((key, value) -> {
            if (key.equals("cpu") || key.equals("memory")) {
                result.put(key, value);
            }
        });
        return result;
    }

    private static Probe startupProbe(String timeout) {
        long budget = Durations.seconds(timeout);
        int failures = (int) Math.max(1, (budget + STARTUP_PERIOD_SECONDS - 1) / STARTUP_PERIOD_SECONDS);
        return httpProbe("/ready", STARTUP_PERIOD_SECONDS, 5, failures);
    }

    private static Probe httpProbe(String path, int periodSeconds, int timeoutSeconds, int failureThreshold) {
        return new ProbeBuilder()
                .withNewHttpGet()
                .withPath(path)
                .withPort(new IntOrString("http"))
                .endHttpGet()
                .withPeriodSeconds(periodSeconds)
                .withTimeoutSeconds(timeoutSeconds)
                .withFailureThreshold(failureThreshold)
                .build();
    }

    /** Non-root, read-only root filesystem, no capabilities, no privilege escalation. */
    static SecurityContext restricted() {
        Capabilities dropAll = new CapabilitiesBuilder().withDrop("ALL").build();
        return new SecurityContextBuilder()
                .withRunAsNonRoot(true)
                .withAllowPrivilegeEscalation(false)
                .withReadOnlyRootFilesystem(true)
                .withCapabilities(dropAll)
                .build();
    }

    static VolumeMount mount(String volume, String path, boolean readOnly) {
        var builder = new VolumeMountBuilder().withName(volume).withMountPath(path);
        if (readOnly) {
            builder.withReadOnly(true);
        }
        return builder.build();
    }
}
