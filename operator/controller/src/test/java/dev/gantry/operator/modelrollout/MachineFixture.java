package dev.gantry.operator.modelrollout;

import dev.gantry.api.v1alpha1.ModelDeployment;
import dev.gantry.api.v1alpha1.ModelRollout;
import dev.gantry.api.v1alpha1.ModelRolloutStatus;
import dev.gantry.api.v1alpha1.rollout.MetricSpec;
import dev.gantry.api.v1alpha1.rollout.Verdict;
import dev.gantry.operator.analysis.MetricResult;
import dev.gantry.operator.analysis.WindowContext;
import dev.gantry.operator.evaluation.EvaluationReport;
import dev.gantry.operator.modeldeployment.status.Finding;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Drives the state machine without a cluster: a rollout spec, the status carried from one reconcile to the next
 * through JSON (as the API server carries it), observations and scripted checks the test sets, and a clock it
 * moves. {@link #restartedTick()} runs a reconcile as a freshly started operator would, with nothing in memory.
 */
final class MachineFixture {

    static final String STABLE = "aaaaaaaaaa";
    static final String CANDIDATE = "bbbbbbbbbb";
    private static final KubernetesSerialization JSON = new KubernetesSerialization();

    /** Checks whose results the test scripts; baselines live in memory, as the real analyzer's do. */
    static final class ScriptedChecks implements Checks {
        final Map<String, Verdict> verdicts = new HashMap<>();
        final Map<String, String> values = new HashMap<>();
        final Set<String> baselines = new HashSet<>();
        final List<String> calls = new ArrayList<>();
        EvaluationReport evaluation = new EvaluationReport(List.of());

        @Override
        public void startWindow(WindowContext window, List<MetricSpec> metrics) {
            calls.add("start " + window.analysis());
            baselines.add(window.analysis() + "@" + window.start());
        }

        @Override
        public Optional<List<MetricResult>> measure(WindowContext window, List<MetricSpec> metrics) {
            calls.add("measure " + window.analysis());
            if (metrics.stream().anyMatch(m -> m.getBuiltIn() != null)
                    && !baselines.remove(window.analysis() + "@" + window.start())) {
                return Optional.empty();
            }
            return Optional.of(metrics.stream()
                    .map(m -> new MetricResult(
                            m.getName(),
                            verdicts.getOrDefault(m.getName(), Verdict.Passed),
                            values.getOrDefault(m.getName(), "0.01"),
                            String.valueOf(m.getSuccessCondition()),
                            "scripted"))
                    .toList());
        }

        @Override
        public EvaluationReport evaluate(String revision) {
            calls.add("evaluate " + revision);
            return evaluation;
        }
    }

    final ModelRollout resource;
    ModelRolloutStatus status = new ModelRolloutStatus();
    Instant now = Instant.parse("2025-06-01T10:00:00Z");
    ScriptedChecks checks = new ScriptedChecks();
    String current = STABLE;
    String targetStable = STABLE;
    boolean targetExists = true;
    final Map<String, Observation.RevisionPods> pods = new HashMap<>();
    Integer share;
    List<Finding> findings = List.of();
    Map<String, String> annotations = new HashMap<>();
    List<String> problems = List.of();
    Optional<String> owner = Optional.empty();
    List<Rollout.Event> events = List.of();
    Optional<Duration> wake = Optional.empty();
    List<String> consumed = List.of();

    MachineFixture(String specYaml) {
        resource = JSON.unmarshal("""
                apiVersion: gantry.dev/v1alpha1
                kind: ModelRollout
                metadata: {name: assistant, namespace: models, uid: u-1, generation: 1}
                spec:
                """ + specYaml.indent(2), ModelRollout.class);
        pods.put(STABLE, new Observation.RevisionPods(2, 2));
    }

    void advance(Duration duration) {
        now = now.plus(duration);
    }

    /** Pods of a revision, all ready. */
    void pods(String revision, int replicas) {
        pods.put(revision, new Observation.RevisionPods(replicas, replicas));
    }

    void pods(String revision, int replicas, int ready) {
        pods.put(revision, new Observation.RevisionPods(replicas, ready));
    }

    /** Plays the ModelDeployment controller and the Deployments: every pod the split asks for, ready, and its weight. */
    void applySplit() {
        var split = status.getSplit();
        if (split == null) {
            return;
        }
        if (split.getCandidateRevision() != null) {
            pods(split.getCandidateRevision(), split.getCandidateReplicas());
            share = split.getWeight();
        } else {
            share = split.getStableRevision().equals(status.getCandidateRevision()) ? 100 : 0;
        }
        if (split.getStableReplicas() != null) {
            pods(split.getStableRevision(), split.getStableReplicas());
        }
        if (split.getRetiring() != null) {
            split.getRetiring().forEach(r -> pods(r.getRevision(), r.getReplicas()));
        }
        targetStable = split.getStableRevision();
    }

    ModelRolloutStatus tick() {
        var result = run(checks);
        status = result;
        annotations.keySet().removeAll(consumed);
        return status;
    }

    /** A reconcile by a freshly started operator, on the same status and world; the result is not kept. */
    ModelRolloutStatus restartedTick() {
        return run(new ScriptedChecks());
    }

    private ModelRolloutStatus run(Checks using) {
        var copy = JSON.unmarshal(JSON.asJson(status), ModelRolloutStatus.class);
        resource.getMetadata().setAnnotations(new HashMap<>(annotations));
        resource.setStatus(JSON.unmarshal(JSON.asJson(status), ModelRolloutStatus.class));
        var seen = new Observation(
                targetExists ? new ModelDeployment() : null,
                targetExists ? current : null,
                targetExists ? targetStable : null,
                pods,
                List.of(),
                findings,
                share,
                "note");
        var commands =
                Commands.of(resource, Boolean.TRUE.equals(resource.getSpec().getPaused()));
        var r = new Rollout(resource, copy, seen, commands, using, now, Duration.ofSeconds(1));
        RolloutMachine.advance(r, problems, owner);
        RolloutSummary.finish(r, resource.getStatus());
        events = List.copyOf(r.events);
        wake = r.wake();
        consumed = commands.consumed();
        return copy;
    }

    List<String> eventReasons() {
        return events.stream().map(Rollout.Event::reason).toList();
    }

    static String json(Object value) {
        return JSON.asJson(value);
    }
}
