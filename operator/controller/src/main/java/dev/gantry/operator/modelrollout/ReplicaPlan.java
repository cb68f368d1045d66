package dev.gantry.operator.modelrollout;

import dev.gantry.api.v1alpha1.rollout.TrafficRouter;

/**
 * How many pods each revision runs during a rollout. With a weighted router (Gateway API, ingress-nginx) the
 * stable revision keeps the count its spec or its autoscaler gives it, and the candidate runs its weight's share
 * of that count, so both scale independently. With the replica-ratio router the pods are the router: the stable
 * revision's count when the rollout began is spread over both revisions, the candidate's pods coming up before
 * the stable revision gives any up. Promotion first raises the candidate to at least the stable revision's count,
 * so capacity does not collapse when it takes all traffic.
 */
final class ReplicaPlan {

    private ReplicaPlan() {}

    /** The stable revision's pods as observed, at least one. */
    static int stableCount(Rollout r) {
        return Math.max(1, r.seen.pods(r.stable()).replicas());
    }

    /** Pods the candidate needs before it gets any traffic: one, or a blue-green preview's full size. */
    static int initial(Rollout r) {
        var blueGreen = r.spec.getStrategy().getBlueGreen();
        if (blueGreen != null) {
            return blueGreen.getPreviewReplicas() != null ? blueGreen.getPreviewReplicas() : stableCount(r);
        }
        return 1;
    }

    /** Pods the replica-ratio router spreads over both revisions. */
    static int total(Rollout r) {
        var total = r.split().getTotalReplicas();
        return total != null ? total : stableCount(r);
    }

    /** Pods the candidate runs at a weight. */
    static int candidateFor(Rollout r, int weight) {
        if (weight == 0) {
            return initial(r);
        }
        if (r.router() == TrafficRouter.ReplicaRatio) {
            int total = total(r);
            return Math.max(1, Math.min(total, (int) Math.round(total * weight / 100.0)));
        }
        return Math.max(1, (int) Math.ceil(stableCount(r) * weight / 100.0));
    }

    /** Replica ratio only: what is left to the stable revision once the candidate runs {@code candidate} pods. */
    static int stableFor(Rollout r, int candidate) {
        return Math.max(0, total(r) - candidate);
    }

    /** The candidate's pods before it takes all traffic: never fewer than the stable revision runs now. */
    static int floor(Rollout r) {
        int candidate = r.split().getCandidateReplicas() == null ? 0 : r.split().getCandidateReplicas();
        int floor = Math.max(candidate, r.seen.pods(r.stable()).replicas());
        if (r.router() == TrafficRouter.ReplicaRatio && !r.blueGreen()) {
            floor = Math.max(floor, total(r));
        }
        return Math.max(1, floor);
    }

    /**
     * With a weighted router, keeps the candidate at its weight's share of what the stable revision runs now, so
     * that it follows the stable revision's autoscaler while the rollout waits at a step.
     */
    static void follow(Rollout r) {
        var split = r.split();
        if (r.blueGreen()
                || r.router() == TrafficRouter.ReplicaRatio
                || split.getCandidateRevision() == null
                || split.getWeight() == null
                || split.getWeight() == 0) {
            return;
        }
        split.setCandidateReplicas(Math.max(candidateFor(r, split.getWeight()), initial(r)));
    }
}
