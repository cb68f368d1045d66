package dev.gantry.operator.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.api.v1alpha1.rollout.TrafficRouter;
import dev.gantry.operator.render.Labels;
import dev.gantry.operator.render.RoutingObjects;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How a rollout's split is routed (weights 0 and 100 pick one revision, retiring revisions get nothing) and how
 * the applied share is read back from the router objects.
 */
class RolloutRoutingTest {

    private static final String S = "aaaaaaaaaa";
    private static final String C = "bbbbbbbbbb";

    private static TrafficSplit split(int weight) {
        return new TrafficSplit(S, C, weight, null, 2, Map.of(), TrafficRouter.ReplicaRatio, "mr");
    }

    @Test
    void aRolloutsActiveServiceSelectsOneRevisionAtZeroAndAHundredPercent() {
        var router = dev.gantry.operator.traffic.TrafficRouter.of(TrafficRouter.ReplicaRatio);

        assertThat(router.stableServiceSelector("chat", split(0))).containsEntry(Labels.REVISION, S);
        assertThat(router.stableServiceSelector("chat", split(100))).containsEntry(Labels.REVISION, C);
        assertThat(router.stableServiceSelector("chat", split(50))).doesNotContainKey(Labels.REVISION);
        assertThat(router.trafficPercent(split(100), Map.of(S, 3, C, 3))).containsEntry(C, 100);
        assertThat(router.routeBackends("chat", split(0))).containsExactly(new WeightedBackend("chat", 100));
    }

    @Test
    void retiringRevisionsOfARolloutGetNoTraffic() {
        var afterSwitch = new TrafficSplit(C, null, 0, null, null, Map.of(S, 2), TrafficRouter.ReplicaRatio, "mr");
        var router = dev.gantry.operator.traffic.TrafficRouter.of(TrafficRouter.ReplicaRatio);

        assertThat(router.stableServiceSelector("chat", afterSwitch)).containsEntry(Labels.REVISION, C);
        assertThat(router.trafficPercent(afterSwitch, Map.of(S, 2, C, 2)))
                .containsEntry(C, 100)
                .containsEntry(S, 0);
        var direct = new TrafficSplit(C, null, 0, 2, null, Map.of(S, 2), TrafficRouter.ReplicaRatio, null);
        assertThat(router.stableServiceSelector("chat", direct))
                .as("a direct replacement still serves every revision")
                .doesNotContainKey(Labels.REVISION);
    }

    @Test
    void readsTheShareBackFromTheHttpRoute() {
        var route = new HTTPRouteBuilder()
                .withNewSpec()
                .addNewRule()
                .addNewBackendRef()
                .withName("chat-" + S)
                .withWeight(70)
                .endBackendRef()
                .addNewBackendRef()
                .withName("chat-" + C)
                .withWeight(30)
                .endBackendRef()
                .endRule()
                .endSpec()
                .build();
        var applied = new AppliedTraffic("chat", null, route, null, Map.of());

        assertThat(applied.share(TrafficRouter.GatewayAPI, C)).contains(30);
        assertThat(applied.share(TrafficRouter.GatewayAPI, S)).contains(70);
        assertThat(new AppliedTraffic("chat", null, null, null, Map.of()).share(TrafficRouter.GatewayAPI, C))
                .as("nothing applied yet")
                .isEmpty();
    }

    @Test
    void readsTheShareBackFromTheCanaryIngressAndTheService() {
        var service = new ServiceBuilder()
                .withNewSpec()
                .withSelector(Labels.revisionPods("chat", S))
                .endSpec()
                .build();
        var canary = new IngressBuilder()
                .withNewMetadata()
                .addToAnnotations(RoutingObjects.CANARY_ANNOTATION, "true")
                .addToAnnotations(RoutingObjects.CANARY_WEIGHT_ANNOTATION, "40")
                .endMetadata()
                .withNewSpec()
                .addNewRule()
                .withNewHttp()
                .addNewPath()
                .withNewBackend()
                .withNewService()
                .withName("chat-" + C)
                .endService()
                .endBackend()
                .endPath()
                .endHttp()
                .endRule()
                .endSpec()
                .build();

        var applied = new AppliedTraffic("chat", service, null, canary, Map.of());
        assertThat(applied.share(TrafficRouter.IngressNginx, C)).contains(40);
        assertThat(applied.share(TrafficRouter.IngressNginx, S)).contains(60);

        var spanning = new ServiceBuilder()
                .withNewSpec()
                .withSelector(Labels.runtimePods("chat"))
                .endSpec()
                .build();
        assertThat(new AppliedTraffic("chat", spanning, null, null, Map.of(S, 3, C, 1))
                        .share(TrafficRouter.ReplicaRatio, C))
                .contains(25);
    }

    @Test
    void aSplitRestrictedToRenderableRevisionsDropsAnUnknownCandidate() {
        var restricted = split(30).restrictTo(S::equals).orElseThrow();

        assertThat(restricted.hasCandidate()).isFalse();
        assertThat(restricted.candidateWeight()).isZero();
        assertThat(split(30).restrictTo(C::equals)).isEmpty();
    }
}
