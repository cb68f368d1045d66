package dev.gantry.operator.render;

import dev.gantry.api.v1alpha1.ModelDeployment;
import dev.gantry.api.v1alpha1.deployment.CacheMode;
import dev.gantry.operator.cache.ManagedRedis;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.LinkedHashMap;

/**
 * The one entry point from a ModelDeployment to its desired children. A pure function of its arguments: the
 * reconciler, the {@code render} command and the golden-file tests all call it.
 */
public final class ModelDeploymentRenderer {

    private ModelDeploymentRenderer() {}

    /** The revision of a ModelDeployment's current spec. */
    public static String currentRevision(ModelDeployment md, OperatorDefaults defaults) {
        return Revisions.hash(RevisionSpec.of(md.getMetadata().getName(), md.getSpec(), defaults));
    }

    public static DesiredState render(ModelDeployment md, RenderContext context) {
        var name = md.getMetadata().getName();
        var defaults = context.defaults();
        var split = context.split();
        var current = RevisionSpec.of(name, md.getSpec(), defaults);
        var currentRevision = Revisions.hash(current);
        var configs = new LinkedHashMap<String, ConfigMap>();
        var deployments = new LinkedHashMap<String, Deployment>();
        var services = new LinkedHashMap<String, Service>();
        for (var revision : split.liveRevisions()) {
            var spec = revision.equals(currentRevision)
                    ? current
                    : context.knownRevisions().get(revision);
            if (spec == null) {
                throw new IllegalArgumentException("no snapshot of revision " + revision + " to render it from");
            }
            var config = RevisionObjects.configMap(md, revision, spec, defaults);
            configs.put(revision, config);
            deployments.put(
                    revision,
                    RevisionObjects.deployment(
                            md,
                            revision,
                            spec,
                            replicas(md, revision, context),
                            revision.equals(currentRevision) ? context.replacementReplicas() : null,
                            checksum(config, spec, context.cachePassword()),
                            defaults));
            services.put(revision, RevisionObjects.service(md, revision));
        }
        boolean autoscalerPaused =
                md.getSpec().getAutoscaling() != null && split.stableReplicas() != null && !split.steady();
        var state = new DesiredState(
                currentRevision,
                split,
                ScalingObjects.serviceAccount(md),
                configs,
                deployments,
                services,
                RoutingObjects.stableService(md, split),
                RoutingObjects.previewService(md, split),
                ScalingObjects.autoscaler(md, split.stableRevision(), autoscalerPaused),
                ScalingObjects.disruptionBudget(md),
                RoutingObjects.ingress(md),
                RoutingObjects.canaryIngress(md, split),
                RoutingObjects.httpRoute(md, split),
                ManagedRedis.render(md, context.cachePassword()));
        state.all().forEach(AppliedHash::stamp);
        return state;
    }

    /** Pods of a revision, or {@code null} where the autoscaler owns the stable revision's count. */
    static Integer replicas(ModelDeployment md, String revision, RenderContext context) {
        var split = context.split();
        if (revision.equals(split.stableRevision())) {
            if (split.stableReplicas() != null) {
                return split.stableReplicas();
            }
            if (md.getSpec().getAutoscaling() != null) {
                return null;
            }
            return md.getSpec().getReplicas() == null ? 1 : md.getSpec().getReplicas();
        }
        if (revision.equals(split.candidateRevision())) {
            return split.candidateReplicas();
        }
        return split.retiringReplicas().getOrDefault(revision, 0);
    }

    /** Configuration that must restart pods when it changes without changing the revision. */
    static String checksum(ConfigMap config, RevisionSpec spec, String cachePassword) {
        var text = new StringBuilder(Revisions.canonicalJson(config.getData()));
        if (spec.cache() != null && spec.cache().mode() == CacheMode.Managed) {
            text.append('\n').append(Revisions.sha256Hex(cachePassword));
        }
        return Revisions.sha256Hex(text.toString()).substring(0, 16);
    }
}
