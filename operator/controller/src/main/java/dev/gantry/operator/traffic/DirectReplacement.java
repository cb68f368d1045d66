package dev.gantry.operator.traffic;

import io.fabric8.kubernetes.api.model.IntOrString;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replaces revisions without a ModelRollout, like a Deployment's rolling update across two Deployments: the
 * target revision grows while the total stays within {@code desired + maxSurge}, old revisions shrink while
 * ready pods stay at or above {@code desired - maxUnavailable}, and the target becomes stable once it alone
 * serves every desired pod. Traffic follows ready pods of every live revision (the replica-ratio router), so
 * no request meets a revision that has no ready pod. One call plans one step; reconciles repeat it.
 */
public final class DirectReplacement {

    private DirectReplacement() {}

    /**
     * @param stable the current stable revision, or {@code null} when none was recorded yet
     * @param target the revision of the current spec
     * @param desired pods that should serve when the replacement is done
     * @param observed pods of every revision that has a Deployment
     */
    public static TrafficSplit plan(
            String stable,
            String target,
            int desired,
            IntOrString maxSurge,
            IntOrString maxUnavailable,
            Map<String, RevisionPods> observed) {
        var olds = new LinkedHashMap<String, RevisionPods>();
        observed.entrySet().stream()
                .filter(e -> !e.getKey().equals(target))
                .sorted(Map.Entry.comparingByKey())
                .sorted((a, b) ->
                        Boolean.compare(a.getKey().equals(stable), b.getKey().equals(stable)))
                .forEach(e -> olds.put(e.getKey(), e.getValue()));
        if (olds.isEmpty()) {
            return TrafficSplit.allToStable(target);
        }
        var targetPods = observed.getOrDefault(target, RevisionPods.NONE);
        if (olds.values().stream().allMatch(p -> p.replicas() == 0)
                && targetPods.replicas() >= desired
                && targetPods.available() >= desired) {
            return TrafficSplit.allToStable(target);
        }
        var budget = Budget.of(desired, maxSurge, maxUnavailable);
        int total = targetPods.replicas()
                + olds.values().stream().mapToInt(RevisionPods::replicas).sum();
        int ready = targetPods.available()
                + olds.values().stream().mapToInt(RevisionPods::available).sum();
        int targetReplicas = Math.max(
                targetPods.replicas(),
                Math.min(desired, targetPods.replicas() + Math.max(0, desired + budget.surge() - total)));
        var oldReplicas = scaleDown(olds, Math.max(0, ready - (desired - budget.unavailable())));
        if (stable == null || stable.equals(target) || !olds.containsKey(stable)) {
            return new TrafficSplit(
                    target,
                    null,
                    0,
                    targetReplicas,
                    null,
                    oldReplicas,
                    dev.gantry.api.v1alpha1.rollout.TrafficRouter.ReplicaRatio,
                    null);
        }
        int stableReplicas = oldReplicas.remove(stable);
        int weight = ready == 0 ? 0 : (int) Math.round(100.0 * targetPods.available() / ready);
        return new TrafficSplit(
                stable,
                target,
                weight,
                stableReplicas,
                targetReplicas,
                oldReplicas,
                dev.gantry.api.v1alpha1.rollout.TrafficRouter.ReplicaRatio,
                null);
    }

    /** Unready old pods go first; ready ones only as far as {@code removableReady} allows, stable last. */
    private static Map<String, Integer> scaleDown(Map<String, RevisionPods> olds, int removableReady) {
        var result = new LinkedHashMap<String, Integer>();
        int removable = removableReady;
        for (var entry : List.copyOf(olds.entrySet())) {
            var pods = entry.getValue();
            int takeReady = Math.min(pods.available(), removable);
            removable -= takeReady;
            result.put(entry.getKey(), pods.replicas() - pods.unavailable() - takeReady);
        }
        return result;
    }

    /**
     * Surge and unavailability in pods, resolved as a Deployment resolves them: surge rounds up, unavailability
     * down, and when both come to zero one pod may be unavailable.
     */
    record Budget(int surge, int unavailable) {

        static Budget of(int desired, IntOrString maxSurge, IntOrString maxUnavailable) {
            int surge = resolve(maxSurge, desired, true);
            int unavailable = resolve(maxUnavailable, desired, false);
            if (surge == 0 && unavailable == 0) {
                unavailable = 1;
            }
            return new Budget(surge, Math.min(unavailable, desired));
        }

        static int resolve(IntOrString value, int desired, boolean roundUp) {
            if (value == null) {
                return 0;
            }
            if (value.getIntVal() != null) {
                return Math.max(0, value.getIntVal());
            }
            var text = value.getStrVal().trim();
            if (!text.endsWith("%")) {
                return Math.max(0, Integer.parseInt(text));
            }
            double percent = Double.parseDouble(text.substring(0, text.length() - 1));
            double pods = desired * percent / 100.0;
            return (int) Math.max(0, roundUp ? Math.ceil(pods) : Math.floor(pods));
        }
    }
}
