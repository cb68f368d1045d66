package dev.gantry.operator.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.IntOrString;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DirectReplacementTest {

    private static final IntOrString ONE = new IntOrString(1);
    private static final IntOrString ZERO = new IntOrString(0);

    @Test
    void sendsEverythingToTheOnlyRevision() {
        var split = DirectReplacement.plan("a", "a", 3, ONE, ZERO, Map.of("a", new RevisionPods(3, 3)));

        assertThat(split).isEqualTo(TrafficSplit.allToStable("a"));
    }

    @Test
    void startsTheCandidateWithinSurgeAndKeepsEveryOldPodWhileItLoads() {
        var split = DirectReplacement.plan("a", "b", 3, ONE, ZERO, pods("a", 3, 3, "b", 0, 0));

        assertThat(split.stableRevision()).isEqualTo("a");
        assertThat(split.candidateRevision()).isEqualTo("b");
        assertThat(split.candidateReplicas()).isEqualTo(1);
        assertThat(split.stableReplicas()).isEqualTo(3);
        assertThat(split.router()).isEqualTo(dev.gantry.api.v1alpha1.rollout.TrafficRouter.ReplicaRatio);
    }

    @Test
    void retiresOneOldPodPerReadyNewPodWhenNothingMayBeUnavailable() {
        var split = DirectReplacement.plan("a", "b", 3, ONE, ZERO, pods("a", 3, 3, "b", 1, 1));

        assertThat(split.stableReplicas()).isEqualTo(2);
        assertThat(split.candidateReplicas()).isEqualTo(1);
        assertThat(split.candidateWeight()).isEqualTo(25);
    }

    @Test
    void withoutSurgeMakesRoomFirstWithinMaxUnavailable() {
        var first = DirectReplacement.plan("a", "b", 2, ZERO, ONE, pods("a", 2, 2, "b", 0, 0));
        assertThat(first.stableReplicas()).isEqualTo(1);
        assertThat(first.candidateReplicas()).isZero();

        var second = DirectReplacement.plan("a", "b", 2, ZERO, ONE, pods("a", 1, 1, "b", 0, 0));
        assertThat(second.candidateReplicas()).isEqualTo(1);
        assertThat(second.stableReplicas()).isEqualTo(1);
    }

    @Test
    void treatsBothZeroAsOneUnavailablePodLikeADeployment() {
        var split = DirectReplacement.plan(
                "a", "b", 4, new IntOrString("10%"), new IntOrString("10%"), pods("a", 4, 4, "b", 0, 0));

        // 10% of 4 rounds up to 1 surge pod and down to 0 unavailable ones.
        assertThat(split.candidateReplicas()).isEqualTo(1);
        assertThat(split.stableReplicas()).isEqualTo(4);
        var both = DirectReplacement.Budget.of(4, new IntOrString("0%"), ZERO);
        assertThat(both.unavailable()).isEqualTo(1);
    }

    @Test
    void removesOldPodsThatNeverBecameReadyAtOnce() {
        var split = DirectReplacement.plan("a", "b", 2, ONE, ZERO, pods("a", 2, 0, "b", 0, 0));

        assertThat(split.stableReplicas()).isZero();
        assertThat(split.candidateReplicas()).isEqualTo(1);
    }

    @Test
    void promotesTheCandidateOnceItAloneServesEveryPod() {
        var split = DirectReplacement.plan("a", "b", 3, ONE, ZERO, pods("a", 0, 0, "b", 3, 3));

        assertThat(split).isEqualTo(TrafficSplit.allToStable("b"));
    }

    @Test
    void scalesAnAbandonedRevisionDownBehindTheStableOneWhenTheSpecIsReverted() {
        var split = DirectReplacement.plan("a", "a", 3, ONE, ZERO, pods("a", 2, 2, "b", 2, 2));

        assertThat(split.stableRevision()).isEqualTo("a");
        assertThat(split.candidateRevision()).isNull();
        // Four pods already run (3 + 1 surge): "a" grows on the next step, once "b" has shrunk.
        assertThat(split.stableReplicas()).isEqualTo(2);
        assertThat(split.retiringReplicas()).containsEntry("b", 1);
    }

    @Test
    void shrinksRetiringRevisionsBeforeTheStableOne() {
        var split = DirectReplacement.plan("a", "c", 2, ONE, ZERO, pods3("a", 2, 2, "b", 1, 1, "c", 1, 1));

        assertThat(split.retiringReplicas()).containsEntry("b", 0);
        assertThat(split.stableReplicas()).isEqualTo(1);
        assertThat(split.candidateReplicas()).isEqualTo(1);
    }

    private static Map<String, RevisionPods> pods(String a, int ar, int aa, String b, int br, int ba) {
        var map = new LinkedHashMap<String, RevisionPods>();
        map.put(a, new RevisionPods(ar, aa));
        map.put(b, new RevisionPods(br, ba));
        return map;
    }

    private static Map<String, RevisionPods> pods3(
            String a, int ar, int aa, String b, int br, int ba, String c, int cr, int ca) {
        var map = pods(a, ar, aa, b, br, ba);
        map.put(c, new RevisionPods(cr, ca));
        return map;
    }
}
