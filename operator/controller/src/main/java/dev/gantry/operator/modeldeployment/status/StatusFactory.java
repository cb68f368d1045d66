package dev.gantry.operator.modeldeployment.status;

import dev.gantry.api.v1alpha1.ModelDeploymentStatus;
import dev.gantry.api.v1alpha1.deployment.CacheMode;
import dev.gantry.api.v1alpha1.deployment.CacheStatus;
import dev.gantry.api.v1alpha1.deployment.RevisionRole;
import dev.gantry.api.v1alpha1.deployment.RevisionStatus;
import dev.gantry.operator.cache.CacheBinding;
import dev.gantry.operator.modeldeployment.validation.SpecProblem;
import dev.gantry.operator.render.Names;
import dev.gantry.operator.traffic.TrafficRouter;
import dev.gantry.operator.traffic.TrafficSplit;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Builds a ModelDeployment's status from what was observed and applied; the one place that does. */
public final class StatusFactory {

    private final Clock clock;

    public StatusFactory(Clock clock) {
        this.clock = clock;
    }

    public ModelDeploymentStatus build(StatusInputs in) {
        var previous = in.md().getStatus() == null
                ? new ModelDeploymentStatus()
                : in.md().getStatus();
        var status = new ModelDeploymentStatus();
        status.setObservedGeneration(in.md().getMetadata().getGeneration());
        status.setCurrentRevision(in.currentRevision());
        var split = in.split();
        var health = RuntimeHealth.assess(in.pods(), in.runtimeDeployments().values());
        var readyPods = readyPods(in.runtimeDeployments());
        if (split == null) {
            status.setStableRevision(previous.getStableRevision());
            status.setStableModel(previous.getStableModel());
            status.setRevisions(previous.getRevisions());
            status.setActiveRollout(previous.getActiveRollout());
        } else {
            status.setStableRevision(split.stableRevision());
            var stableSpec = in.revisionSpecs().get(split.stableRevision());
            status.setStableModel(
                    stableSpec == null
                            ? previous.getStableModel()
                            : stableSpec.model().getUri());
            status.setRevisions(revisions(in, split, readyPods));
            status.setActiveRollout(split.activeRollout());
        }
        int serving = servingReady(split, readyPods, status.getStableRevision());
        status.setReplicas(in.desiredReplicas());
        status.setReadyReplicas(serving);
        status.setReady(serving + "/" + in.desiredReplicas());
        status.setUrl(Urls.of(in.md()));
        status.setCache(cache(in));
        status.setConditions(conditions(in, previous, health, serving));
        return status;
    }

    private List<io.fabric8.kubernetes.api.model.Condition> conditions(
            StatusInputs in, ModelDeploymentStatus previous, RuntimeHealth health, int serving) {
        var now = clock.instant();
        var generation = in.md().getMetadata().getGeneration();
        var old = previous.getConditions();
        var verdict = Verdicts.of(in, health, serving);
        var result = new ArrayList<io.fabric8.kubernetes.api.model.Condition>();
        result.add(Conditions.next(
                old,
                Conditions.READY,
                verdict.ready(),
                verdict.readyReason(),
                verdict.readyMessage(),
                generation,
                now));
        result.add(Conditions.next(
                old,
                Conditions.PROGRESSING,
                verdict.progressing(),
                verdict.progressingReason(),
                verdict.progressingMessage(),
                generation,
                now));
        result.add(Conditions.next(
                old,
                Conditions.DEGRADED,
                verdict.degraded(),
                verdict.degradedReason(),
                verdict.degradedMessage(),
                generation,
                now));
        return result;
    }

    private static List<RevisionStatus> revisions(StatusInputs in, TrafficSplit split, Map<String, Integer> readyPods) {
        var router = TrafficRouter.of(split.router());
        var live = new LinkedHashMap<String, Integer>();
        split.liveRevisions().forEach(r -> live.put(r, readyPods.getOrDefault(r, 0)));
        var traffic = router.trafficPercent(split, live);
        var result = new ArrayList<RevisionStatus>();
        for (var revision : split.liveRevisions()) {
            var entry = new RevisionStatus();
            entry.setName(revision);
            entry.setRole(
                    revision.equals(split.stableRevision())
                            ? RevisionRole.Stable
                            : revision.equals(split.candidateRevision())
                                    ? RevisionRole.Candidate
                                    : RevisionRole.Retiring);
            var spec = in.revisionSpecs().get(revision);
            if (spec != null) {
                entry.setModel(spec.model().getUri());
                entry.setImage(spec.runtime().getImage());
            }
            var deployment = in.runtimeDeployments().get(revision);
            entry.setReplicas(
                    deployment == null || deployment.getSpec().getReplicas() == null
                            ? null
                            : deployment.getSpec().getReplicas());
            entry.setReadyReplicas(readyPods.getOrDefault(revision, 0));
            entry.setTrafficPercent(traffic.getOrDefault(revision, 0));
            result.add(entry);
        }
        return result;
    }

    private static Map<String, Integer> readyPods(Map<String, Deployment> deployments) {
        return deployments.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> {
            var status = e.getValue().getStatus();
            return status == null || status.getReadyReplicas() == null ? 0 : status.getReadyReplicas();
        }));
    }

    /**
     * Ready pods behind the stable Service: every live revision's when it spans them, else those of the revision
     * it selects (the stable one, or a blue-green candidate that took all traffic).
     */
    private static int servingReady(TrafficSplit split, Map<String, Integer> readyPods, String stable) {
        if (split == null) {
            return stable == null ? 0 : readyPods.getOrDefault(stable, 0);
        }
        var selected = TrafficRouter.of(split.router())
                .stableServiceSelector("any", split)
                .get(dev.gantry.operator.render.Labels.REVISION);
        if (selected != null || split.steady()) {
            return readyPods.getOrDefault(selected != null ? selected : split.stableRevision(), 0);
        }
        return split.liveRevisions().stream()
                .mapToInt(r -> readyPods.getOrDefault(r, 0))
                .sum();
    }

    private static CacheStatus cache(StatusInputs in) {
        var spec = in.md().getSpec().getCache();
        var mode = spec == null || spec.getMode() == null ? CacheMode.Disabled : spec.getMode();
        var status = new CacheStatus();
        status.setMode(mode);
        var name = in.md().getMetadata().getName();
        if (mode == CacheMode.Managed) {
            status.setEndpoint(
                    Names.cache(name) + "." + in.md().getMetadata().getNamespace() + ".svc:" + CacheBinding.REDIS_PORT);
            status.setReady(in.cacheReadyReplicas().orElse(0) > 0);
        } else if (mode == CacheMode.External) {
            status.setEndpoint(Urls.hostAndPort(spec.getExternal().getUrl()));
        }
        return status;
    }

    /** The first problem's reason and every problem's text, for conditions. */
    static String describe(List<SpecProblem> problems) {
        return problems.stream().map(SpecProblem::describe).collect(Collectors.joining("; "));
    }
}
