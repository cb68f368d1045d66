package dev.gantry.operator.modelrollout;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gantry.api.v1alpha1.ModelDeployment;
import dev.gantry.api.v1alpha1.ModelRollout;
import dev.gantry.api.v1alpha1.ModelRolloutStatus;
import dev.gantry.operator.analysis.Analyzer;
import dev.gantry.operator.evaluation.EvaluationRunner;
import dev.gantry.operator.modeldeployment.EventRecorder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.PrimaryUpdateAndCacheUtils;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.jboss.logging.Logger;

/**
 * One reconcile of one ModelRollout: observe the target, run the state machine, then remove the one-shot
 * annotations it consumed, write the status (only when it changed) and record the Events, in that order: a
 * command is acted on at most once, and an Event is recorded only for a decision that was written.
 */
final class RolloutReconcile {

    private static final Logger LOG = Logger.getLogger(RolloutReconcile.class);
    private static final KubernetesSerialization JSON = new KubernetesSerialization();

    private final RolloutSettings settings;
    private final Clock clock;
    private final TargetObserver observer;
    private final Analyzer analyzer;
    private final EvaluationRunner evaluation;
    private final Secrets secrets;
    private final EventRecorder events;

    RolloutReconcile(
            RolloutSettings settings,
            Clock clock,
            KubernetesClient client,
            Analyzer analyzer,
            EvaluationRunner evaluation) {
        this.settings = settings;
        this.clock = clock;
        this.observer = new TargetObserver(client, settings.defaults());
        this.analyzer = analyzer;
        this.evaluation = evaluation;
        this.secrets = new Secrets(client);
        this.events = new EventRecorder(client, clock, settings.instance());
    }

    UpdateControl<ModelRollout> run(ModelRollout rollout, Context<ModelRollout> context) {
        var target = context.getSecondaryResource(ModelDeployment.class).orElse(null);
        var peers = context.getPrimaryCache()
                .list(
                        rollout.getMetadata().getNamespace(),
                        mr -> Objects.equals(TargetClaims.target(mr), TargetClaims.target(rollout)))
                .toList();
        var owner = TargetClaims.otherOwner(rollout, peers);
        var problems = RolloutSpecValidator.validate(rollout.getSpec(), target);
        var seen = observer.observe(rollout, target);
        var commands =
                Commands.of(rollout, Boolean.TRUE.equals(rollout.getSpec().getPaused()));
        var before = rollout.getStatus();
        var working = before == null ? new ModelRolloutStatus() : JSON.clone(before);
        var checks = new LiveChecks(analyzer, evaluation, secrets, rollout, target);
        var r = new Rollout(rollout, working, seen, commands, checks, clock.instant(), settings.pollInterval());

        RolloutMachine.advance(r, problems, owner);
        RolloutSummary.finish(r, before);
        for (var unused : commands.unused()) {
            if (unused.getValue()) {
                r.normal(
                        "CommandIgnored",
                        unused.getKey() + " has no effect while the rollout is " + working.getPhase() + " "
                                + RolloutSummary.where(r));
            } else {
                r.warning(
                        "InvalidCommand",
                        unused.getKey() + " is not a command: use promote=step, promote=full,"
                                + " abort=true or retry=true");
            }
        }

        removeAnnotations(rollout, commands.consumed(), context.getClient());
        if (!same(before, working)) {
            var fresh = new ModelRollout();
            fresh.setMetadata(new ObjectMetaBuilder()
                    .withName(rollout.getMetadata().getName())
                    .withNamespace(rollout.getMetadata().getNamespace())
                    .build());
            fresh.setStatus(working);
            PrimaryUpdateAndCacheUtils.ssaPatchStatusAndCacheResource(rollout, fresh, context);
        }
        for (var event : r.events) {
            if (event.warning()) {
                events.warning(rollout, event.reason(), event.note());
            } else {
                events.normal(rollout, event.reason(), event.note());
            }
            LOG.infof("%s: %s", event.reason(), event.note());
        }
        var control = UpdateControl.<ModelRollout>noUpdate();
        return r.wake().map(control::rescheduleAfter).orElse(control);
    }

    /** Removes the one-shot annotations, only if they still hold the values that were acted on. */
    private static void removeAnnotations(ModelRollout rollout, List<String> keys, KubernetesClient client) {
        if (keys.isEmpty()) {
            return;
        }
        var ops = new StringBuilder("[");
        var annotations = rollout.getMetadata().getAnnotations();
        for (var key : keys) {
            var path = "/metadata/annotations/" + key.replace("~", "~0").replace("/", "~1");
            if (ops.length() > 1) {
                ops.append(',');
            }
            ops.append("{\"op\":\"test\",\"path\":\"")
                    .append(path)
                    .append("\",\"value\":")
                    .append(JSON.asJson(annotations.get(key)))
                    .append("},{\"op\":\"remove\",\"path\":\"")
                    .append(path)
                    .append("\"}");
        }
        ops.append(']');
        client.resources(ModelRollout.class)
                .inNamespace(rollout.getMetadata().getNamespace())
                .withName(rollout.getMetadata().getName())
                .patch(PatchContext.of(PatchType.JSON), ops.toString());
    }

    static boolean same(ModelRolloutStatus before, ModelRolloutStatus after) {
        if (before == null) {
            return false;
        }
        JsonNode a = JSON.convertValue(before, JsonNode.class);
        JsonNode b = JSON.convertValue(after, JsonNode.class);
        return a.equals(b);
    }
}
