package dev.gantry.operator.modelrollout;

import static dev.gantry.operator.testing.Cluster.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.api.v1alpha1.rollout.RolloutPhase;
import dev.gantry.operator.testing.Cluster;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import org.junit.jupiter.api.Test;

/**
 * With an autoscaler, the stable revision keeps scaling on its own during a canary and the candidate follows its
 * weight's share; at promotion the candidate first grows to the stable revision's count, then the autoscaler moves
 * to it. The autoscaler is never paused and never fights the rollout.
 */
class AutoscalingTest extends RolloutScenarioBase {

    @Test
    void theCandidateFollowsTheAutoscaledStableCountAndStartsPromotionAtIt() {
        var stable = stableModel("scaled", """
                replicas: null
                autoscaling: {minReplicas: 2, maxReplicas: 8, targetCPUUtilizationPercentage: 70}
                """);
        rollout("""
                apiVersion: gantry.dev/v1alpha1
                kind: ModelRollout
                metadata:
                  name: scaled
                spec:
                  targetRef: {name: scaled}
                  strategy:
                    canary:
                      scaleDownDelay: 300ms
                      steps:
                        - setWeight: 50
                        - pause: {}
                """);
        awaitPhase("scaled", RolloutPhase.Idle);
        autoscale("scaled-" + stable, 4);
        var candidate = newRevision("scaled", "file:///opt/gantry/models/v2");

        awaitPhase("scaled", RolloutPhase.Paused);
        eventually(() -> {
            assertThat(replicas("scaled-" + candidate)).isEqualTo(2);
            assertThat(hpa("scaled").getSpec().getScaleTargetRef().getName()).isEqualTo("scaled-" + stable);
            assertThat(hpa("scaled").getSpec().getBehavior().getScaleUp()).isNull();
        });

        autoscale("scaled-" + stable, 6);
        eventually(() -> assertThat(replicas("scaled-" + candidate)).isEqualTo(3));

        annotate("scaled", "gantry.dev/promote", "step");
        eventually(() -> assertThat(mr("scaled").getStatus().getPromotion()).isNotNull());
        assertThat(mr("scaled").getStatus().getPromotion().getFloorReplicas()).isEqualTo(6);
        awaitPhase("scaled", RolloutPhase.Succeeded);
        eventually(() -> {
            assertThat(hpa("scaled").getSpec().getScaleTargetRef().getName()).isEqualTo("scaled-" + candidate);
            assertThat(replicas("scaled-" + candidate)).isEqualTo(6);
            assertThat(cluster.deployment("scaled-" + stable)).isNull();
        });
    }

    /** Plays the HorizontalPodAutoscaler: sets a Deployment's replicas, as a scale would. */
    private void autoscale(String deployment, int replicas) {
        Cluster.retryingConflicts(() -> api.client()
                .apps()
                .deployments()
                .inNamespace(cluster.namespace())
                .withName(deployment)
                .edit(d -> {
                    d.getSpec().setReplicas(replicas);
                    return d;
                }));
    }

    private HorizontalPodAutoscaler hpa(String name) {
        return api.client()
                .autoscaling()
                .v2()
                .horizontalPodAutoscalers()
                .inNamespace(cluster.namespace())
                .withName(name)
                .get();
    }
}
