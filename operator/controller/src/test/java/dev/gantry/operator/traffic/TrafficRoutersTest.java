package dev.gantry.operator.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.operator.render.Labels;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrafficRoutersTest {

    private static final TrafficSplit CANARY = new TrafficSplit(
            "aaaaaaaaaa",
            "bbbbbbbbbb",
            25,
            null,
            1,
            Map.of(),
            dev.gantry.api.v1alpha1.rollout.TrafficRouter.GatewayAPI,
            "mr");

    @Test
    void gatewayApiWeightsOneBackendPerRevisionService() {
        var router = TrafficRouter.of(dev.gantry.api.v1alpha1.rollout.TrafficRouter.GatewayAPI);

        assertThat(router.routeBackends("chat", CANARY))
                .containsExactly(
                        new WeightedBackend("chat-aaaaaaaaaa", 75), new WeightedBackend("chat-bbbbbbbbbb", 25));
        assertThat(router.stableServiceSelector("chat", CANARY)).containsEntry(Labels.REVISION, "aaaaaaaaaa");
        assertThat(router.canaryIngressBackend("chat", CANARY)).isEmpty();
        assertThat(router.trafficPercent(CANARY, Map.of()))
                .containsEntry("aaaaaaaaaa", 75)
                .containsEntry("bbbbbbbbbb", 25);
    }

    @Test
    void ingressNginxSendsTheCandidateShareThroughACanaryIngress() {
        var router = TrafficRouter.of(dev.gantry.api.v1alpha1.rollout.TrafficRouter.IngressNginx);

        assertThat(router.canaryIngressBackend("chat", CANARY)).contains(new WeightedBackend("chat-bbbbbbbbbb", 25));
        assertThat(router.routeBackends("chat", CANARY)).containsExactly(new WeightedBackend("chat-aaaaaaaaaa", 100));
        assertThat(router.canaryIngressBackend("chat", TrafficSplit.allToStable("aaaaaaaaaa")))
                .isEmpty();
    }

    @Test
    void replicaRatioSpansRevisionsAndReportsTheShareOfReadyPods() {
        var router = TrafficRouter.of(dev.gantry.api.v1alpha1.rollout.TrafficRouter.ReplicaRatio);

        assertThat(router.stableServiceSelector("chat", CANARY)).doesNotContainKey(Labels.REVISION);
        assertThat(router.routeBackends("chat", CANARY)).containsExactly(new WeightedBackend("chat", 100));
        assertThat(router.trafficPercent(CANARY, Map.of("aaaaaaaaaa", 2, "bbbbbbbbbb", 1)))
                .containsEntry("aaaaaaaaaa", 67)
                .containsEntry("bbbbbbbbbb", 33);
        assertThat(router.weightNote(CANARY, Map.of("aaaaaaaaaa", 3, "bbbbbbbbbb", 1)))
                .isEqualTo("replica ratio: 1 of 4 ready pods run the candidate (25%)");
    }

    @Test
    void everyRouterRendersTheSameSteadyState() {
        var steady = TrafficSplit.allToStable("aaaaaaaaaa");
        for (var kind : dev.gantry.api.v1alpha1.rollout.TrafficRouter.values()) {
            var router = TrafficRouter.of(kind);
            assertThat(router.stableServiceSelector("chat", steady)).containsEntry(Labels.REVISION, "aaaaaaaaaa");
            assertThat(router.routeBackends("chat", steady))
                    .containsExactly(new WeightedBackend("chat-aaaaaaaaaa", 100));
            assertThat(router.trafficPercent(steady, Map.of())).containsExactly(Map.entry("aaaaaaaaaa", 100));
        }
    }

    @Test
    void percentagesAlwaysAddUpToOneHundred() {
        var shares = Shares.percentages(new java.util.LinkedHashMap<>(Map.of("a", 1, "b", 1, "c", 1)), "a");

        assertThat(shares.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(100);
        assertThat(Shares.percentages(Map.of("a", 0, "b", 0), "a"))
                .containsEntry("a", 100)
                .containsEntry("b", 0);
    }
}
