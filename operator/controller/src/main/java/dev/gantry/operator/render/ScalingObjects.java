package dev.gantry.operator.render;

import dev.gantry.api.v1alpha1.ModelDeployment;
import dev.gantry.api.v1alpha1.deployment.AutoscalingSpec;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HPAScalingRulesBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpecBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The runtime's ServiceAccount, HorizontalPodAutoscaler and PodDisruptionBudget. */
public final class ScalingObjects {

    /** The API server's ceiling for a stabilization window. */
    private static final long MAX_STABILIZATION_SECONDS = 3600;

    private ScalingObjects() {}

    /** A ServiceAccount with no token mounted, unless the spec names its own. */
    public static Optional<ServiceAccount> serviceAccount(ModelDeployment md) {
        if (md.getSpec().getRuntime() != null && md.getSpec().getRuntime().getServiceAccountName() != null) {
            return Optional.empty();
        }
        var name = md.getMetadata().getName();
        return Optional.of(new ServiceAccountBuilder()
                .withMetadata(
                        ChildMeta.of(md, Names.runtimeServiceAccount(name), Labels.of(name, Labels.Component.RUNTIME)))
                .withAutomountServiceAccountToken(false)
                .build());
    }

    /**
     * @param paused true while the operator itself sets the target's replicas (a direct replacement): the
     *     autoscaler then holds still instead of fighting it
     */
    public static Optional<HorizontalPodAutoscaler> autoscaler(
            ModelDeployment md, String stableRevision, boolean paused) {
        var spec = md.getSpec().getAutoscaling();
        if (spec == null) {
            return Optional.empty();
        }
        var name = md.getMetadata().getName();
        long window = Math.min(MAX_STABILIZATION_SECONDS, Durations.seconds(spec.getScaleDownStabilization()));
        var scaleDown = new HPAScalingRulesBuilder().withStabilizationWindowSeconds((int) window);
        var scaleUp = new HPAScalingRulesBuilder();
        if (paused) {
            scaleDown.withSelectPolicy("Disabled");
            scaleUp.withSelectPolicy("Disabled");
        }
        var behavior = new io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBehaviorBuilder()
                .withScaleDown(scaleDown.build());
        if (paused) {
            behavior.withScaleUp(scaleUp.build());
        }
        return Optional.of(new HorizontalPodAutoscalerBuilder()
                .withMetadata(ChildMeta.of(md, Names.autoscaler(name), Labels.of(name, Labels.Component.RUNTIME)))
                .withNewSpec()
                .withNewScaleTargetRef()
                .withApiVersion("apps/v1")
                .withKind("Deployment")
                .withName(Names.revision(name, stableRevision))
                .endScaleTargetRef()
                .withMinReplicas(spec.getMinReplicas())
                .withMaxReplicas(spec.getMaxReplicas())
                .withMetrics(metrics(spec))
                .withBehavior(behavior.build())
                .endSpec()
                .build());
    }

    private static List<MetricSpec> metrics(AutoscalingSpec spec) {
        var metrics = new ArrayList<MetricSpec>();
        if (spec.getTargetCPUUtilizationPercentage() != null) {
            metrics.add(resourceMetric("cpu", spec.getTargetCPUUtilizationPercentage()));
        }
        if (spec.getTargetMemoryUtilizationPercentage() != null) {
            metrics.add(resourceMetric("memory", spec.getTargetMemoryUtilizationPercentage()));
        }
        if (spec.getPodMetrics() != null) {
            spec.getPodMetrics()
                    .forEach(metric -> metrics.add(new MetricSpecBuilder()
                            .withType("Pods")
                            .withNewPods()
                            .withNewMetric()
                            .withName(metric.getName())
                            .endMetric()
                            .withNewTarget()
                            .withType("AverageValue")
                            .withAverageValue(new Quantity(metric.getTargetAverageValue()))
                            .endTarget()
                            .endPods()
                            .build()));
        }
        return metrics;
    }

    private static MetricSpec resourceMetric(String resource, int percent) {
        return new MetricSpecBuilder()
                .withType("Resource")
                .withNewResource()
                .withName(resource)
                .withNewTarget()
                .withType("Utilization")
                .withAverageUtilization(percent)
                .endTarget()
                .endResource()
                .build();
    }

    /** One pod of the model at a time may be evicted, when more than one can serve. */
    public static Optional<PodDisruptionBudget> disruptionBudget(ModelDeployment md) {
        var spec = md.getSpec();
        int most = spec.getAutoscaling() != null
                ? spec.getAutoscaling().getMaxReplicas()
                : spec.getReplicas() == null ? 1 : spec.getReplicas();
        if (most <= 1) {
            return Optional.empty();
        }
        var name = md.getMetadata().getName();
        return Optional.of(new PodDisruptionBudgetBuilder()
                .withMetadata(ChildMeta.of(md, Names.disruptionBudget(name), Labels.of(name, Labels.Component.RUNTIME)))
                .withNewSpec()
                .withMaxUnavailable(new IntOrString(1))
                .withNewSelector()
                .withMatchLabels(Labels.runtimePods(name))
                .endSelector()
                .endSpec()
                .build());
    }
}
