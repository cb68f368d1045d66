package dev.gantry.local.node;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What the Deployment controller does next for one Deployment, as a pure function of its spec and its pods: scale
 * the current template's pods to {@code replicas}, and replace pods of older templates within {@code maxSurge} and
 * {@code maxUnavailable} (RollingUpdate, the same arithmetic as Kubernetes) or all at once (Recreate).
 */
final class ReplicaPlan {

    /** A pod as the plan sees it. */
    record PodView(String name, String hash, boolean ready, Instant created) {}

    /** Pods to create (of the current template) and pods to delete, by name. */
    record Decision(int create, List<String> delete) {
        static final Decision NOTHING = new Decision(0, List.of());
    }

    /** The rollout bounds in pods, resolved from a Deployment's strategy. */
    record Strategy(boolean recreate, int maxSurge, int maxUnavailable) {

        static Strategy of(Deployment deployment, int replicas) {
            var strategy = deployment.getSpec().getStrategy();
            if (strategy != null && "Recreate".equals(strategy.getType())) {
                return new Strategy(true, 0, replicas);
            }
            var rolling = strategy == null ? null : strategy.getRollingUpdate();
            int surge = resolve(rolling == null ? null : rolling.getMaxSurge(), replicas, true);
            int unavailable = resolve(rolling == null ? null : rolling.getMaxUnavailable(), replicas, false);
            if (surge == 0 && unavailable == 0) {
                unavailable = 1;
            }
            return new Strategy(false, surge, unavailable);
        }

        private static int resolve(IntOrString value, int replicas, boolean roundUp) {
            if (value == null) {
                return resolve(new IntOrString("25%"), replicas, roundUp);
            }
            if (value.getIntVal() != null) {
                return value.getIntVal();
            }
            double percent = Double.parseDouble(value.getStrVal().replace("%", "")) * replicas / 100.0;
            return (int) (roundUp ? Math.ceil(percent) : Math.floor(percent));
        }
    }

    private ReplicaPlan() {}

    /**
     * @param pods the Deployment's pods that are not terminating
     * @param terminating how many of its pods are still shutting down
     */
    static Decision decide(int replicas, Strategy strategy, String hash, List<PodView> pods, int terminating) {
        var current = pods.stream().filter(p -> p.hash().equals(hash)).toList();
        var old = pods.stream().filter(p -> !p.hash().equals(hash)).toList();
        if (strategy.recreate()) {
            if (!old.isEmpty()) {
                return new Decision(0, old.stream().map(PodView::name).toList());
            }
            return terminating > 0 ? Decision.NOTHING : scale(replicas, current);
        }
        if (old.isEmpty()) {
            return scale(replicas, current);
        }
        int total = pods.size();
        int create = Math.max(0, Math.min(replicas - current.size(), replicas + strategy.maxSurge() - total));
        int minAvailable = replicas - strategy.maxUnavailable();
        int currentUnavailable = (int) current.stream().filter(p -> !p.ready()).count();
        int maxScaledDown = total - minAvailable - currentUnavailable;
        var delete = new ArrayList<String>();
        var oldNotReady = old.stream().filter(p -> !p.ready()).toList();
        for (var pod : oldNotReady) {
            if (delete.size() < maxScaledDown) {
                delete.add(pod.name());
            }
        }
        int readyTotal = (int) pods.stream().filter(PodView::ready).count();
        int healthyToGo = Math.min(maxScaledDown - delete.size(), readyTotal - minAvailable);
        var oldReady = old.stream()
                .filter(PodView::ready)
                .sorted(Comparator.comparing(PodView::created))
                .toList();
        for (int i = 0; i < healthyToGo && i < oldReady.size(); i++) {
            delete.add(oldReady.get(i).name());
        }
        return new Decision(create, delete);
    }

    private static Decision scale(int replicas, List<PodView> current) {
        if (current.size() < replicas) {
            return new Decision(replicas - current.size(), List.of());
        }
        if (current.size() == replicas) {
            return Decision.NOTHING;
        }
        var victims = current.stream()
                .sorted(Comparator.comparing(PodView::ready).thenComparing(PodView::created, Comparator.reverseOrder()))
                .limit(current.size() - replicas)
                .map(PodView::name)
                .toList();
        return new Decision(0, victims);
    }
}
