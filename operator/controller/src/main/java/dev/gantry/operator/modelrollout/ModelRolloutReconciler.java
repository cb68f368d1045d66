package dev.gantry.operator.modelrollout;

import dev.gantry.api.v1alpha1.ModelDeployment;
import dev.gantry.api.v1alpha1.ModelRollout;
import dev.gantry.operator.analysis.Analyzer;
import dev.gantry.operator.evaluation.EvaluationRunner;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.quarkiverse.operatorsdk.annotations.RBACRule;
import io.quarkiverse.operatorsdk.annotations.RBACVerbs;
import jakarta.inject.Inject;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Drives ModelRollouts. Watches ModelRollouts (every change, annotations included, since commands are
 * annotations) and the ModelDeployments they target (whose status says what was applied); reads the target's
 * Deployments, pods and router objects when it decides; writes only the rollout's own status.
 */
@ControllerConfiguration(name = ModelRolloutReconciler.NAME, generationAwareEventProcessing = false)
// Read at each reconcile, never cached: the target's Deployments and the candidate's pods (lists only).
@RBACRule(apiGroups = "apps", resources = "deployments", verbs = RBACVerbs.LIST)
@RBACRule(apiGroups = "", resources = "pods", verbs = RBACVerbs.LIST)
@RBACRule(apiGroups = "", resources = "services", verbs = RBACVerbs.GET)
@RBACRule(apiGroups = "networking.k8s.io", resources = "ingresses", verbs = RBACVerbs.GET)
@RBACRule(apiGroups = "gateway.networking.k8s.io", resources = "httproutes", verbs = RBACVerbs.GET)
// Webhook header tokens and the API key the evaluation presents: one get each, never listed or cached.
@RBACRule(apiGroups = "", resources = "secrets", verbs = RBACVerbs.GET)
@RBACRule(apiGroups = "events.k8s.io", resources = "events", verbs = RBACVerbs.CREATE)
@RBACRule(
        apiGroups = "gantry.dev",
        resources = "modeldeployments",
        verbs = {RBACVerbs.LIST, RBACVerbs.WATCH})
// Removing the one-shot control annotations (promote, abort, retry) once acted on: a JSON patch, never an update
// (fabric8 reads the object back first).
@RBACRule(
        apiGroups = "gantry.dev",
        resources = "modelrollouts",
        verbs = {RBACVerbs.GET, RBACVerbs.PATCH})
public class ModelRolloutReconciler implements Reconciler<ModelRollout> {

    public static final String NAME = "modelrollout";

    private final RolloutReconcile step;

    @Inject
    public ModelRolloutReconciler(RolloutSettings settings, Clock clock, KubernetesClient client) {
        var http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        var secrets = new Secrets(client);
        var analyzer = new Analyzer(http, settings.podMetricsUrl(), settings.scrapeTimeout(), secrets);
        var evaluation = new EvaluationRunner(http, settings.serviceUrl());
        this.step = new RolloutReconcile(settings, clock, client, analyzer, evaluation);
    }

    @Override
    public List<EventSource<?, ModelRollout>> prepareEventSources(EventSourceContext<ModelRollout> context) {
        var targets = InformerEventSourceConfiguration.from(ModelDeployment.class, ModelRollout.class)
                .withNamespacesInheritedFromController()
                .withPrimaryToSecondaryMapper((ModelRollout mr) -> TargetClaims.target(mr) == null
                        ? Set.of()
                        : Set.of(new ResourceID(
                                TargetClaims.target(mr), mr.getMetadata().getNamespace())))
                .withSecondaryToPrimaryMapper(md -> context.getPrimaryCache()
                        .list(
                                md.getMetadata().getNamespace(),
                                mr -> Objects.equals(
                                        TargetClaims.target(mr),
                                        md.getMetadata().getName()))
                        .map(ResourceID::fromResource)
                        .collect(Collectors.toSet()))
                .build();
        return List.of(new InformerEventSource<>(targets, context));
    }

    @Override
    public UpdateControl<ModelRollout> reconcile(ModelRollout rollout, Context<ModelRollout> context) {
        return step.run(rollout, context);
    }
}
