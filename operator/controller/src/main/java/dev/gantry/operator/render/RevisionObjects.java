package dev.gantry.operator.render;

import dev.gantry.api.v1alpha1.ModelDeployment;
import dev.gantry.api.v1alpha1.deployment.ServiceSpec;
import dev.gantry.api.v1alpha1.deployment.UpdateStrategySpec;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.LinkedHashMap;
import java.util.Map;

/** The objects of one revision: its runtime ConfigMap, its Deployment and its own Service. */
public final class RevisionObjects {

    public static final String CONFIG_CHECKSUM_ANNOTATION = "gantry.dev/config-checksum";
    public static final String REPLACEMENT_REPLICAS_ANNOTATION = "gantry.dev/replacement-replicas";
    public static final long RUNTIME_UID = 10001L;
    private static final long PROGRESS_MARGIN_SECONDS = 600;

    private RevisionObjects() {}

    public static ConfigMap configMap(
            ModelDeployment md, String revision, RevisionSpec spec, OperatorDefaults defaults) {
        var name = md.getMetadata().getName();
        return new ConfigMapBuilder()
                .withMetadata(
                        ChildMeta.builder(md, Names.runtimeConfig(name, revision), Labels.ofRevision(name, revision))
                                .withAnnotations(Map.of(Revisions.SNAPSHOT_ANNOTATION, Revisions.canonicalJson(spec)))
                                .build())
                .withData(RuntimeEnvironment.of(name, revision, spec, defaults))
                .build();
    }

    /**
     * @param replicas pods to run, or {@code null} when an autoscaler owns the count
     * @param configChecksum digest of configuration that must restart pods when it changes
     */
    public static Deployment deployment(
            ModelDeployment md,
            String revision,
            RevisionSpec spec,
            Integer replicas,
            Integer replacementReplicas,
            String configChecksum,
            OperatorDefaults defaults) {
        var name = md.getMetadata().getName();
        var annotations = new LinkedHashMap<String, String>();
        annotations.put(Revisions.SNAPSHOT_ANNOTATION, Revisions.canonicalJson(spec));
        if (replacementReplicas != null) {
            annotations.put(REPLACEMENT_REPLICAS_ANNOTATION, String.valueOf(replacementReplicas));
        }
        UpdateStrategySpec strategy = md.getSpec().getUpdateStrategy() == null
                ? new UpdateStrategySpec()
                : md.getSpec().getUpdateStrategy();
        long startup = Durations.seconds(spec.runtime().getStartup().getTimeout());
        return new DeploymentBuilder()
                .withMetadata(ChildMeta.builder(md, Names.revision(name, revision), Labels.ofRevision(name, revision))
                        .withAnnotations(annotations)
                        .build())
                .withNewSpec()
                .withReplicas(replicas)
                .withNewSelector()
                .withMatchLabels(Labels.revisionPods(name, revision))
                .endSelector()
                .withNewStrategy()
                .withType("RollingUpdate")
                .withNewRollingUpdate()
                .withMaxSurge(strategy.getMaxSurge())
                .withMaxUnavailable(strategy.getMaxUnavailable())
                .endRollingUpdate()
                .endStrategy()
                .withProgressDeadlineSeconds((int) Math.min(Integer.MAX_VALUE, startup + PROGRESS_MARGIN_SECONDS))
                .withRevisionHistoryLimit(3)
                .withTemplate(podTemplate(md, revision, spec, configChecksum, defaults))
                .endSpec()
                .build();
    }

    static PodTemplateSpec podTemplate(
            ModelDeployment md, String revision, RevisionSpec spec, String configChecksum, OperatorDefaults defaults) {
        var name = md.getMetadata().getName();
        var runtime = spec.runtime();
        var labels = Labels.ofRevision(name, revision);
        if (runtime.getPodLabels() != null) {
            runtime.getPodLabels().forEach(labels::putIfAbsent);
        }
        var annotations = new LinkedHashMap<String, String>();
        if (runtime.getPodAnnotations() != null) {
            annotations.putAll(runtime.getPodAnnotations());
        }
        annotations.put(CONFIG_CHECKSUM_ANNOTATION, configChecksum);
        var volumes = RuntimeVolumes.of(spec);
        var ownServiceAccount = runtime.getServiceAccountName() == null;
        var shutdown = ShutdownTiming.of(runtime.getShutdown().getGracePeriod());
        return new PodTemplateSpecBuilder()
                .withNewMetadata()
                .withLabels(labels)
                .withAnnotations(annotations)
                .endMetadata()
                .withNewSpec()
                .withServiceAccountName(
                        ownServiceAccount ? Names.runtimeServiceAccount(name) : runtime.getServiceAccountName())
                .withAutomountServiceAccountToken(ownServiceAccount ? Boolean.FALSE : null)
                .withEnableServiceLinks(false)
                .withTerminationGracePeriodSeconds(shutdown.terminationGracePeriodSeconds())
                .withSecurityContext(new PodSecurityContextBuilder()
                        .withRunAsNonRoot(true)
                        .withRunAsUser(RUNTIME_UID)
                        .withRunAsGroup(RUNTIME_UID)
                        .withFsGroup(RUNTIME_UID)
                        .withNewSeccompProfile()
                        .withType("RuntimeDefault")
                        .endSeccompProfile()
                        .build())
                .withInitContainers(RuntimeContainers.downloads(spec, defaults.hfEndpoint()))
                .withContainers(RuntimeContainers.runtime(Names.runtimeConfig(name, revision), spec, volumes))
                .withVolumes(volumes.volumes())
                .withImagePullSecrets(runtime.getImagePullSecrets())
                .withNodeSelector(runtime.getNodeSelector())
                .withTolerations(runtime.getTolerations())
                .withAffinity(runtime.getAffinity())
                .withPriorityClassName(runtime.getPriorityClassName())
                .endSpec()
                .build();
    }

    /** The revision's own Service: what a weighted router and a rollout's evaluation prompts talk to. */
    public static Service service(ModelDeployment md, String revision) {
        var name = md.getMetadata().getName();
        return new ServiceBuilder()
                .withMetadata(ChildMeta.of(md, Names.revision(name, revision), Labels.ofRevision(name, revision)))
                .withNewSpec()
                .withType("ClusterIP")
                .withSelector(Labels.revisionPods(name, revision))
                .addNewPort()
                .withName("http")
                .withPort(servicePort(md.getSpec().getService()))
                .withTargetPort(new IntOrString("http"))
                .withProtocol("TCP")
                .endPort()
                .endSpec()
                .build();
    }

    /** The port of the model's Services: {@code spec.service.port}, 80 by default. */
    public static int servicePort(ServiceSpec service) {
        return service == null || service.getPort() == null ? 80 : service.getPort();
    }
}
