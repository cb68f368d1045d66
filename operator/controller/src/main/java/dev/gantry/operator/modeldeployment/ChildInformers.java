package dev.gantry.operator.modeldeployment;

import dev.gantry.api.v1alpha1.ModelDeployment;
import dev.gantry.api.v1alpha1.ModelRollout;
import dev.gantry.operator.render.Labels;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One informer per child kind, shared by the dependents of that kind and filtered to objects the operator
 * manages, so that only Gantry's objects are cached. Pods are read for status only, mapped to their
 * ModelDeployment by label (their owners are ReplicaSets). ModelRollouts are read for the traffic split their
 * status asks for, mapped to the ModelDeployment they target; only changes of that split or of the target wake
 * the ModelDeployment up.
 */
final class ChildInformers {

    static final String DEPLOYMENTS = "deployments";
    static final String STATEFUL_SETS = "statefulsets";
    static final String SERVICES = "services";
    static final String CONFIG_MAPS = "configmaps";
    static final String SECRETS = "secrets";
    static final String SERVICE_ACCOUNTS = "serviceaccounts";
    static final String AUTOSCALERS = "autoscalers";
    static final String DISRUPTION_BUDGETS = "disruptionbudgets";
    static final String INGRESSES = "ingresses";
    static final String NETWORK_POLICIES = "networkpolicies";
    static final String PODS = "pods";
    static final String ROLLOUTS = "modelrollouts";
    private static final KubernetesSerialization JSON = new KubernetesSerialization();

    private ChildInformers() {}

    static List<EventSource<?, ModelDeployment>> all(EventSourceContext<ModelDeployment> context) {
        return List.of(
                owned(Deployment.class, DEPLOYMENTS, context),
                owned(StatefulSet.class, STATEFUL_SETS, context),
                owned(Service.class, SERVICES, context),
                owned(ConfigMap.class, CONFIG_MAPS, context),
                owned(Secret.class, SECRETS, context),
                owned(ServiceAccount.class, SERVICE_ACCOUNTS, context),
                owned(HorizontalPodAutoscaler.class, AUTOSCALERS, context),
                owned(PodDisruptionBudget.class, DISRUPTION_BUDGETS, context),
                owned(Ingress.class, INGRESSES, context),
                owned(NetworkPolicy.class, NETWORK_POLICIES, context),
                pods(context),
                rollouts(context));
    }

    private static <R extends HasMetadata> InformerEventSource<R, ModelDeployment> owned(
            Class<R> type, String name, EventSourceContext<ModelDeployment> context) {
        var config = InformerEventSourceConfiguration.from(type, ModelDeployment.class)
                .withName(name)
                .withLabelSelector(Labels.MANAGED_SELECTOR)
                .withNamespacesInheritedFromController()
                .build();
        return new InformerEventSource<>(config, context);
    }

    private static InformerEventSource<Pod, ModelDeployment> pods(EventSourceContext<ModelDeployment> context) {
        var config = InformerEventSourceConfiguration.from(Pod.class, ModelDeployment.class)
                .withName(PODS)
                .withLabelSelector(Labels.MANAGED_SELECTOR)
                .withNamespacesInheritedFromController()
                .withSecondaryToPrimaryMapper(pod -> {
                    var owner = pod.getMetadata().getLabels().get(Labels.MODEL_DEPLOYMENT);
                    return owner == null
                            ? Set.of()
                            : Set.of(new ResourceID(owner, pod.getMetadata().getNamespace()));
                })
                .build();
        return new InformerEventSource<>(config, context);
    }

    private static InformerEventSource<ModelRollout, ModelDeployment> rollouts(
            EventSourceContext<ModelDeployment> context) {
        var config = InformerEventSourceConfiguration.from(ModelRollout.class, ModelDeployment.class)
                .withName(ROLLOUTS)
                .withNamespacesInheritedFromController()
                .withSecondaryToPrimaryMapper(rollout -> {
                    var target = target(rollout);
                    return target == null
                            ? Set.of()
                            : Set.of(
                                    new ResourceID(target, rollout.getMetadata().getNamespace()));
                })
                .withOnUpdateFilter((now, before) ->
                        !Objects.equals(target(now), target(before)) || !Objects.equals(split(now), split(before)))
                .build();
        return new InformerEventSource<>(config, context);
    }

    static String target(ModelRollout rollout) {
        return rollout.getSpec() == null || rollout.getSpec().getTargetRef() == null
                ? null
                : rollout.getSpec().getTargetRef().getName();
    }

    private static Object split(ModelRollout rollout) {
        return rollout.getStatus() == null || rollout.getStatus().getSplit() == null
                ? null
                : JSON.asJson(rollout.getStatus().getSplit());
    }
}
