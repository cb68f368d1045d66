package dev.gantry.operator.cache;

import dev.gantry.api.v1alpha1.deployment.ManagedRedisSpec;
import dev.gantry.operator.render.Labels;
import dev.gantry.operator.render.Names;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import java.util.LinkedHashMap;
import java.util.Map;

/** The Redis pod: non-root, read-only root filesystem, config and ACL mounted, data on /data. */
final class RedisPod {

    static final String DATA = "data";
    static final String DATA_DIR = "/data";
    static final String CONFIG_DIR = "/etc/redis";
    static final String ACL_DIR = "/etc/redis-acl";
    /** The redis user of the official image. */
    private static final long REDIS_UID = 999L;

    private RedisPod() {}

    static PodTemplateSpec template(String md, ManagedRedisSpec spec, String checksum) {
        var labels = Labels.of(md, Labels.Component.CACHE);
        var container = new ContainerBuilder()
                .withName("redis")
                .withImage(spec.getImage())
                .withImagePullPolicy("IfNotPresent")
                .withCommand("redis-server", CONFIG_DIR + "/" + ManagedRedis.CONFIG_KEY)
                .addNewPort()
                .withName("redis")
                .withContainerPort(CacheBinding.REDIS_PORT)
                .withProtocol("TCP")
                .endPort()
                .withResources(resources(spec))
                .withNewReadinessProbe()
                .withNewTcpSocket()
                .withPort(new IntOrString("redis"))
                .endTcpSocket()
                .withPeriodSeconds(5)
                .endReadinessProbe()
                .withNewLivenessProbe()
                .withNewTcpSocket()
                .withPort(new IntOrString("redis"))
                .endTcpSocket()
                .withPeriodSeconds(10)
                .withFailureThreshold(3)
                .endLivenessProbe()
                .withVolumeMounts(
                        new VolumeMountBuilder()
                                .withName("config")
                                .withMountPath(CONFIG_DIR)
                                .withReadOnly(true)
                                .build(),
                        new VolumeMountBuilder()
                                .withName("acl")
                                .withMountPath(ACL_DIR)
                                .withReadOnly(true)
                                .build(),
                        new VolumeMountBuilder()
                                .withName(DATA)
                                .withMountPath(DATA_DIR)
                                .build(),
                        new VolumeMountBuilder()
                                .withName("tmp")
                                .withMountPath("/tmp")
                                .build())
                .withNewSecurityContext()
                .withRunAsNonRoot(true)
                .withAllowPrivilegeEscalation(false)
                .withReadOnlyRootFilesystem(true)
                .withNewCapabilities()
                .withDrop("ALL")
                .endCapabilities()
                .endSecurityContext()
                .build();
        var builder = new PodTemplateSpecBuilder()
                .withNewMetadata()
                .withLabels(labels)
                .withAnnotations(Map.of("gantry.dev/config-checksum", checksum))
                .endMetadata()
                .withNewSpec()
                .withAutomountServiceAccountToken(false)
                .withEnableServiceLinks(false)
                .withNewSecurityContext()
                .withRunAsNonRoot(true)
                .withRunAsUser(REDIS_UID)
                .withRunAsGroup(REDIS_UID)
                .withFsGroup(REDIS_UID)
                .withNewSeccompProfile()
                .withType("RuntimeDefault")
                .endSeccompProfile()
                .endSecurityContext()
                .withContainers(container)
                .addToVolumes(new VolumeBuilder()
                        .withName("config")
                        .withNewConfigMap()
                        .withName(Names.cacheConfig(md))
                        .endConfigMap()
                        .build())
                .addToVolumes(new VolumeBuilder()
                        .withName("acl")
                        .withNewSecret()
                        .withSecretName(Names.cacheAuthSecret(md))
                        .addNewItem()
                        .withKey(ManagedRedis.ACL_KEY)
                        .withPath(ManagedRedis.ACL_KEY)
                        .endItem()
                        .withDefaultMode(0440)
                        .endSecret()
                        .build())
                .addToVolumes(new VolumeBuilder()
                        .withName("tmp")
                        .withNewEmptyDir()
                        .endEmptyDir()
                        .build());
        if (spec.getPersistence() == null) {
            builder.addToVolumes(new VolumeBuilder()
                    .withName(DATA)
                    .withNewEmptyDir()
                    .endEmptyDir()
                    .build());
        }
        return builder.endSpec().build();
    }

    /** Memory from {@code maxMemory} plus 25% (request equals limit), a small CPU request; the spec's values win. */
    static ResourceRequirements resources(ManagedRedisSpec spec) {
        var memory = RedisMemory.containerMemory(spec.getMaxMemory());
        var requests = new LinkedHashMap<String, Quantity>();
        requests.put("cpu", new Quantity("50m"));
        requests.put("memory", memory);
        var limits = new LinkedHashMap<String, Quantity>();
        limits.put("memory", memory);
        var given = spec.getResources();
        if (given != null && given.getRequests() != null) {
            requests.putAll(given.getRequests());
        }
        if (given != null && given.getLimits() != null) {
            limits.putAll(given.getLimits());
        }
        return new ResourceRequirementsBuilder()
                .withRequests(requests)
                .withLimits(limits)
                .build();
    }
}
