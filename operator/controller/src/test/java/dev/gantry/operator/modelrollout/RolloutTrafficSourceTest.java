package dev.gantry.operator.modelrollout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.api.v1alpha1.ModelDeployment;
import dev.gantry.api.v1alpha1.ModelRollout;
import dev.gantry.api.v1alpha1.rollout.TrafficRouter;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the ModelDeployment controller applies for a rollout, and which rollout drives a ModelDeployment. */
class RolloutTrafficSourceTest {

    private static final KubernetesSerialization JSON = new KubernetesSerialization();
    private final RolloutTrafficSource source = new RolloutTrafficSource();

    private static ModelDeployment md() {
        return JSON.unmarshal(
                "{\"apiVersion\":\"gantry.dev/v1alpha1\",\"kind\":\"ModelDeployment\",\"metadata\":{\"name\":\"chat\"}}",
                ModelDeployment.class);
    }

    private static ModelRollout rollout(String name, String created, String status) {
        return JSON.unmarshal("""
                {"apiVersion":"gantry.dev/v1alpha1","kind":"ModelRollout",
                 "metadata":{"name":"%s","creationTimestamp":"%s"},
                 "spec":{"targetRef":{"name":"chat"},"strategy":{"canary":{"steps":[{"setWeight":10}]}}},
                 "status":%s}
                """.formatted(name, created, status), ModelRollout.class);
    }

    @Test
    void withoutARolloutTheModelDeploymentReplacesRevisionsItself() {
        assertThat(source.rolloutSplit(md(), "b", "a", Map.of(), List.of())).isEmpty();
    }

    @Test
    void holdsAllTrafficOnStableUntilTheRolloutHasDecided() {
        var split = source.rolloutSplit(md(), "b", "a", Map.of(), List.of(rollout("mr", "2025-01-01T00:00:00Z", "{}")))
                .orElseThrow();

        assertThat(split.stableRevision()).isEqualTo("a");
        assertThat(split.hasCandidate()).isFalse();
        assertThat(split.steady()).isTrue();
        assertThat(split.activeRollout()).isEqualTo("mr");
    }

    @Test
    void appliesTheSplitTheOldestRolloutAsksFor() {
        var older = rollout("older", "2025-01-01T00:00:00Z", """
                {"split":{"stableRevision":"a","candidateRevision":"b","weight":30,"candidateReplicas":2,
                 "retiring":[{"revision":"c","replicas":0}],"router":"IngressNginx"}}
                """);
        var newer = rollout("newer", "2025-02-01T00:00:00Z", "{\"split\":{\"stableRevision\":\"z\"}}");

        var split = source.rolloutSplit(md(), "b", "a", Map.of(), List.of(newer, older))
                .orElseThrow();

        assertThat(split.candidateRevision()).isEqualTo("b");
        assertThat(split.candidateWeight()).isEqualTo(30);
        assertThat(split.candidateReplicas()).isEqualTo(2);
        assertThat(split.retiringReplicas()).isEqualTo(Map.of("c", 0));
        assertThat(split.router()).isEqualTo(TrafficRouter.IngressNginx);
        assertThat(split.activeRollout()).isEqualTo("older");
        assertThat(TargetClaims.otherOwner(newer, List.of(newer, older))).contains("older");
        assertThat(TargetClaims.otherOwner(older, List.of(newer, older))).isEmpty();
    }

    @Test
    void theFirstRevisionNeedsNoRollout() {
        var split =
                source.rolloutSplit(md(), "a", null, Map.of(), List.of(rollout("mr", "2025-01-01T00:00:00Z", "{}")));

        assertThat(split).isEmpty();
    }
}
