package dev.gantry.operator.modeldeployment;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gantry.api.v1alpha1.ModelDeployment;
import dev.gantry.api.v1alpha1.ModelDeploymentStatus;
import dev.gantry.operator.cache.RedisPasswords;
import dev.gantry.operator.modeldeployment.dependent.GatewayApiInstalled;
import dev.gantry.operator.modeldeployment.dependent.Plan;
import dev.gantry.operator.modeldeployment.dependent.ResourceConflictException;
import dev.gantry.operator.modeldeployment.status.Conditions;
import dev.gantry.operator.modeldeployment.status.Reason;
import dev.gantry.operator.modeldeployment.status.StatusFactory;
import dev.gantry.operator.modeldeployment.status.StatusInputs;
import dev.gantry.operator.modeldeployment.validation.ReferenceChecker;
import dev.gantry.operator.modeldeployment.validation.SpecProblem;
import dev.gantry.operator.modeldeployment.validation.SpecValidator;
import dev.gantry.operator.render.ModelDeploymentRenderer;
import dev.gantry.operator.render.RenderContext;
import dev.gantry.operator.render.RevisionSpec;
import dev.gantry.operator.traffic.TrafficSplit;
import dev.gantry.operator.traffic.TrafficSplitSource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/** One reconcile of one ModelDeployment: observe, validate, plan, render, apply, report. */
final class ReconcileStep {

    private static final Logger LOG = Logger.getLogger(ReconcileStep.class);
    private static final KubernetesSerialization JSON = new KubernetesSerialization();

    private final ReconcilerSettings settings;
    private final TrafficSplitSource rollouts;
    private final StatusFactory statuses;
    private final EventRecorder events;

    ReconcileStep(ReconcilerSettings settings, Clock clock, TrafficSplitSource rollouts, EventRecorder events) {
        this.settings = settings;
        this.rollouts = rollouts;
        this.statuses = new StatusFactory(clock);
        this.events = events;
    }

    UpdateControl<ModelDeployment> run(ModelDeployment md, Context<ModelDeployment> context) throws Exception {
        var defaults = settings.defaults();
        var observed = ObservedState.of(md, context);
        var current = ModelDeploymentRenderer.currentRevision(md, defaults);
        var problems = new ArrayList<>(SpecValidator.validate(md, defaults));
        if (problems.isEmpty()) {
            problems.addAll(new ReferenceChecker(context.getClient()).check(md));
        }
        if (!problems.isEmpty()) {
            LOG.infof("Not applying children: %s", problems.get(0).describe());
            return report(md, inputs(md, current, problems, null, observed, context), true);
        }
        var planned = RevisionPlanner.plan(md, current, observed, rollouts);
        var password = md.getSpec().getCache() != null
                        && md.getSpec().getCache().getMode() == dev.gantry.api.v1alpha1.deployment.CacheMode.Managed
                ? observed.cachePassword().orElseGet(RedisPasswords::generate)
                : RenderContext.OFFLINE_PASSWORD; // unused without a managed Redis
        var desired = ModelDeploymentRenderer.render(
                md,
                new RenderContext(
                        defaults, planned.split(), observed.snapshots(), password, planned.replacementReplicas()));
        Plan.put(context, desired);
        var result = context.managedWorkflowAndDependentResourceContext().reconcileManagedWorkflow();
        var conflicts = new ArrayList<SpecProblem>();
        Exception failure = null;
        for (var error : result.getErroredDependents().values()) {
            if (error instanceof ResourceConflictException conflict) {
                conflicts.add(new SpecProblem("metadata.name", Reason.ResourceConflict, conflict.getMessage()));
            } else if (failure == null) {
                failure = error;
            }
        }
        if (failure != null) {
            // Left to the framework's retry with backoff; the status keeps its last truthful state.
            throw failure;
        }
        return report(md, inputs(md, current, conflicts, planned.split(), observed, context), !conflicts.isEmpty());
    }

    private StatusInputs inputs(
            ModelDeployment md,
            String current,
            List<SpecProblem> problems,
            TrafficSplit split,
            ObservedState observed,
            Context<ModelDeployment> context) {
        var specs = new TreeMap<String, RevisionSpec>(observed.snapshots());
        specs.put(current, RevisionSpec.of(md.getMetadata().getName(), md.getSpec(), settings.defaults()));
        var stable = split != null
                ? split.stableRevision()
                : md.getStatus() == null ? null : md.getStatus().getStableRevision();
        return new StatusInputs(
                md,
                current,
                problems,
                problems.isEmpty() ? split : null,
                Map.copyOf(specs),
                observed.runtimeDeployments(),
                observed.pods(),
                RevisionPlanner.desiredReplicas(md, current, stable, observed),
                observed.cacheReadyReplicas(),
                md.getSpec().getGateway() != null && !GatewayApiInstalled.installed(context.getClient()));
    }

    private UpdateControl<ModelDeployment> report(ModelDeployment md, StatusInputs inputs, boolean waitingForUser) {
        var status = statuses.build(inputs);
        var before = md.getStatus();
        StatusEvents.emit(events, md, before, status);
        UpdateControl<ModelDeployment> control;
        if (sameStatus(before, status)) {
            control = UpdateControl.noUpdate();
        } else {
            var patch = new ModelDeployment();
            patch.setMetadata(new ObjectMetaBuilder()
                    .withName(md.getMetadata().getName())
                    .withNamespace(md.getMetadata().getNamespace())
                    .build());
            patch.setStatus(status);
            control = UpdateControl.patchStatus(patch);
        }
        if (waitingForUser) {
            return control.rescheduleAfter(settings.recheckInterval());
        }
        boolean settled = !Conditions.isTrue(status.getConditions(), Conditions.PROGRESSING)
                && Conditions.isTrue(status.getConditions(), Conditions.READY);
        return settled ? control : control.rescheduleAfter(settings.progressResync());
    }

    static boolean sameStatus(ModelDeploymentStatus before, ModelDeploymentStatus after) {
        if (before == null) {
            return false;
        }
        JsonNode a = JSON.convertValue(before, JsonNode.class);
        JsonNode b = JSON.convertValue(after, JsonNode.class);
        return a.equals(b);
    }
}
