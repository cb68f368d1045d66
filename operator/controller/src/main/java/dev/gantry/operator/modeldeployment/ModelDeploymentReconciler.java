package dev.gantry.operator.modeldeployment;

import static dev.gantry.operator.modeldeployment.ChildInformers.AUTOSCALERS;
import static dev.gantry.operator.modeldeployment.ChildInformers.CONFIG_MAPS;
import static dev.gantry.operator.modeldeployment.ChildInformers.DEPLOYMENTS;
import static dev.gantry.operator.modeldeployment.ChildInformers.DISRUPTION_BUDGETS;
import static dev.gantry.operator.modeldeployment.ChildInformers.INGRESSES;
import static dev.gantry.operator.modeldeployment.ChildInformers.NETWORK_POLICIES;
import static dev.gantry.operator.modeldeployment.ChildInformers.SECRETS;
import static dev.gantry.operator.modeldeployment.ChildInformers.SERVICES;
import static dev.gantry.operator.modeldeployment.ChildInformers.SERVICE_ACCOUNTS;
import static dev.gantry.operator.modeldeployment.ChildInformers.STATEFUL_SETS;

import dev.gantry.api.v1alpha1.ModelDeployment;
import dev.gantry.operator.modeldeployment.dependent.Autoscaler;
import dev.gantry.operator.modeldeployment.dependent.CacheConfig;
import dev.gantry.operator.modeldeployment.dependent.CacheDeployment;
import dev.gantry.operator.modeldeployment.dependent.CacheNetworkPolicy;
import dev.gantry.operator.modeldeployment.dependent.CacheSecret;
import dev.gantry.operator.modeldeployment.dependent.CacheService;
import dev.gantry.operator.modeldeployment.dependent.CacheStatefulSet;
import dev.gantry.operator.modeldeployment.dependent.CanaryIngress;
import dev.gantry.operator.modeldeployment.dependent.ChildWriter;
import dev.gantry.operator.modeldeployment.dependent.DisruptionBudget;
import dev.gantry.operator.modeldeployment.dependent.GatewayApiInstalled;
import dev.gantry.operator.modeldeployment.dependent.InDesiredState;
import dev.gantry.operator.modeldeployment.dependent.MainIngress;
import dev.gantry.operator.modeldeployment.dependent.PreviewServices;
import dev.gantry.operator.modeldeployment.dependent.RevisionServices;
import dev.gantry.operator.modeldeployment.dependent.Route;
import dev.gantry.operator.modeldeployment.dependent.RuntimeConfigs;
import dev.gantry.operator.modeldeployment.dependent.RuntimeDeployments;
import dev.gantry.operator.modeldeployment.dependent.RuntimeServiceAccount;
import dev.gantry.operator.modeldeployment.dependent.StableService;
import dev.gantry.operator.traffic.TrafficSplitSource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.quarkiverse.operatorsdk.annotations.RBACRule;
import io.quarkiverse.operatorsdk.annotations.RBACVerbs;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;

/**
 * Keeps a ModelDeployment's children in the shape its spec asks for and reports what they do. Each reconcile
 * observes the children, checks what the schema cannot, plans the traffic split, renders every child once and
 * lets the workflow apply them; then it builds the status from what it saw.
 */
@ControllerConfiguration(name = ModelDeploymentReconciler.NAME, fieldManager = ChildWriter.FIELD_MANAGER)
@Workflow(
        explicitInvocation = true,
        handleExceptionsInReconciler = true,
        dependents = {
            @Dependent(
                    name = "runtime-service-account",
                    type = RuntimeServiceAccount.class,
                    reconcilePrecondition = InDesiredState.class,
                    useEventSourceWithName = SERVICE_ACCOUNTS),
            @Dependent(name = "runtime-configs", type = RuntimeConfigs.class, useEventSourceWithName = CONFIG_MAPS),
            @Dependent(
                    name = "runtime-deployments",
                    type = RuntimeDeployments.class,
                    dependsOn = "runtime-configs",
                    useEventSourceWithName = DEPLOYMENTS),
            @Dependent(name = "revision-services", type = RevisionServices.class, useEventSourceWithName = SERVICES),
            @Dependent(name = "stable-service", type = StableService.class, useEventSourceWithName = SERVICES),
            @Dependent(name = "preview-services", type = PreviewServices.class, useEventSourceWithName = SERVICES),
            @Dependent(
                    name = "autoscaler",
                    type = Autoscaler.class,
                    reconcilePrecondition = InDesiredState.class,
                    useEventSourceWithName = AUTOSCALERS),
            @Dependent(
                    name = "disruption-budget",
                    type = DisruptionBudget.class,
                    reconcilePrecondition = InDesiredState.class,
                    useEventSourceWithName = DISRUPTION_BUDGETS),
            @Dependent(
                    name = "ingress",
                    type = MainIngress.class,
                    reconcilePrecondition = InDesiredState.class,
                    useEventSourceWithName = INGRESSES),
            @Dependent(
                    name = "canary-ingress",
                    type = CanaryIngress.class,
                    reconcilePrecondition = InDesiredState.class,
                    useEventSourceWithName = INGRESSES),
            @Dependent(
                    name = "http-route",
                    type = Route.class,
                    reconcilePrecondition = InDesiredState.class,
                    activationCondition = GatewayApiInstalled.class),
            @Dependent(
                    name = "cache-secret",
                    type = CacheSecret.class,
                    reconcilePrecondition = InDesiredState.class,
                    useEventSourceWithName = SECRETS),
            @Dependent(
                    name = "cache-config",
                    type = CacheConfig.class,
                    reconcilePrecondition = InDesiredState.class,
                    useEventSourceWithName = CONFIG_MAPS),
            @Dependent(
                    name = "cache-deployment",
                    type = CacheDeployment.class,
                    reconcilePrecondition = InDesiredState.class,
                    useEventSourceWithName = DEPLOYMENTS),
            @Dependent(
                    name = "cache-statefulset",
                    type = CacheStatefulSet.class,
                    reconcilePrecondition = InDesiredState.class,
                    useEventSourceWithName = STATEFUL_SETS),
            @Dependent(
                    name = "cache-service",
                    type = CacheService.class,
                    reconcilePrecondition = InDesiredState.class,
                    useEventSourceWithName = SERVICES),
            @Dependent(
                    name = "cache-network-policy",
                    type = CacheNetworkPolicy.class,
                    reconcilePrecondition = InDesiredState.class,
                    useEventSourceWithName = NETWORK_POLICIES)
        })
// Pods are read through an informer only (status), never fetched one by one.
@RBACRule(
        apiGroups = "",
        resources = "pods",
        verbs = {RBACVerbs.LIST, RBACVerbs.WATCH})
@RBACRule(apiGroups = "", resources = "persistentvolumeclaims", verbs = RBACVerbs.GET)
@RBACRule(apiGroups = "events.k8s.io", resources = "events", verbs = RBACVerbs.CREATE)
// The traffic split ModelRollouts ask for (ChildInformers.rollouts).
@RBACRule(
        apiGroups = "gantry.dev",
        resources = "modelrollouts",
        verbs = {RBACVerbs.LIST, RBACVerbs.WATCH})
@RBACRule(apiGroups = "apiextensions.k8s.io", resources = "customresourcedefinitions", verbs = RBACVerbs.GET)
// Leader election (OperatorBeans): the Lease (fabric8 renews it with a patch), and the permission check
// java-operator-sdk makes before using it. OperatorPermissionsTest holds these rules against the calls made.
@RBACRule(
        apiGroups = "coordination.k8s.io",
        resources = "leases",
        verbs = {RBACVerbs.GET, RBACVerbs.CREATE, RBACVerbs.PATCH})
@RBACRule(apiGroups = "authorization.k8s.io", resources = "selfsubjectrulesreviews", verbs = RBACVerbs.CREATE)
public class ModelDeploymentReconciler implements Reconciler<ModelDeployment> {

    public static final String NAME = "modeldeployment";

    private final ReconcileStep step;

    @Inject
    public ModelDeploymentReconciler(
            ReconcilerSettings settings, Clock clock, TrafficSplitSource rollouts, KubernetesClient client) {
        this.step = new ReconcileStep(settings, clock, rollouts, new EventRecorder(client, clock, settings.instance()));
    }

    @Override
    public List<EventSource<?, ModelDeployment>> prepareEventSources(EventSourceContext<ModelDeployment> context) {
        return ChildInformers.all(context);
    }

    @Override
    public UpdateControl<ModelDeployment> reconcile(ModelDeployment md, Context<ModelDeployment> context)
            throws Exception {
        return step.run(md, context);
    }
}
