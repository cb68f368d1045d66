package dev.gantry.operator.modelrollout;

import static dev.gantry.operator.testing.Cluster.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.api.v1alpha1.rollout.RolloutPhase;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Blue-green: the candidate at full size behind its preview Service, evaluated and analysed, switched by one
 * change of the active Service's selector, analysed again while the old revision waits, and switched back when
 * that fails.
 */
class BlueGreenTest extends RolloutScenarioBase {

    private String blueGreen(String name, String onFailure) {
        return """
                apiVersion: gantry.dev/v1alpha1
                kind: ModelRollout
                metadata:
                  name: %s
                spec:
                  targetRef: {name: %s}
                  strategy:
                    blueGreen:
                      prePromotionAnalysis: {measurements: 1}
                      postPromotionAnalysis: {measurements: 3}
                      scaleDownDelay: 500ms
                  analysis:
                    interval: 300ms
                    metrics:
                      - name: error-rate
                        builtIn: {type: ErrorRate, minSamples: 2}
                        successCondition: result < 0.05
                  evaluation:
                    minPassRate: 1.0
                    timeout: 5s
                    prompts:
                      - name: capital
                        prompt: "Q: What is the capital of France?\\nA:"
                        maxTokens: 8
                        expect: {contains: Paris}
                      - name: sentiment
                        prompt: "Sentiment of 'I love it':"
                        constraint: {choice: [positive, negative]}
                        expect: {equals: positive}
                      - name: order
                        prompt: "Order as JSON:"
                        constraint:
                          jsonSchema:
                            type: object
                            properties: {items: {type: integer, minimum: 1}}
                            required: [items]
                  rollback:
                    onFailure: %s
                """.formatted(name, name, onFailure);
    }

    private void answerWell() {
        servers.evaluationAnswers(body -> {
            var constraint = body.path("constraint");
            if (constraint.path("type").asText().equals("choice")) {
                return "positive";
            }
            if (constraint.path("type").asText().equals("json")) {
                return "{\"items\": 2}";
            }
            return " Paris.";
        });
    }

    @Test
    void switchesAllTrafficAtOnceWhenPromotedByHand() {
        answerWell();
        var stable = stableModel("summary", "");
        rollout(blueGreen("summary", "ScaleToZero"));
        awaitPhase("summary", RolloutPhase.Idle);
        var candidate = newRevision("summary", "file:///opt/gantry/models/v2");

        awaitPhase("summary", RolloutPhase.Paused);
        var status = mr("summary").getStatus();
        assertThat(status.getPauseReason()).isEqualTo("AwaitingPromotion");
        assertThat(status.getEvaluation().getPassed()).isEqualTo(3);
        assertThat(replicas("summary-" + candidate)).as("full size").isEqualTo(2);
        assertThat(serviceSelects("summary-preview")).isEqualTo(candidate);
        assertThat(serviceSelects("summary")).isEqualTo(stable);
        assertThat(routeWeights("summary")).isEqualTo(Map.of("summary", 100));
        assertThat(servers.evaluationRequests)
                .anySatisfy(b -> assertThat(b.path("constraint").path("choices").toString())
                        .contains("positive"))
                .anySatisfy(b -> assertThat(b.path("model").asText()).isEqualTo("stories"))
                .allSatisfy(b -> assertThat(b.path("temperature")
                                .asInt(b.path("parameters").path("temperature").asInt(-1)))
                        .isZero());

        annotate("summary", "gantry.dev/promote", "full");

        eventually(() -> {
            assertThat(serviceSelects("summary")).isEqualTo(candidate);
            assertThat(replicas("summary-" + stable))
                    .as("old revision kept for a switch back")
                    .isEqualTo(2);
            assertThat(mr("summary").getStatus().getCurrentWeight()).isEqualTo(100);
        });
        awaitPhase("summary", RolloutPhase.Succeeded);
        eventually(() -> {
            assertThat(cluster.deployment("summary-" + stable)).isNull();
            assertThat(api.client()
                            .services()
                            .inNamespace(cluster.namespace())
                            .withName("summary-preview")
                            .get())
                    .isNull();
            assertThat(md("summary").getStatus().getStableRevision()).isEqualTo(candidate);
        });
        assertThat(mr("summary").getStatus().getMeasurements())
                .extracting(m -> m.getMetric())
                .contains("evaluation", "error-rate");
    }

    @Test
    void switchesBackWhenPostPromotionAnalysisFails() {
        answerWell();
        var stable = stableModel("flaky", "");
        rollout(blueGreen("flaky", "Keep"));
        awaitPhase("flaky", RolloutPhase.Idle);
        var candidate = newRevision("flaky", "file:///opt/gantry/models/v2");
        awaitPhase("flaky", RolloutPhase.Paused);

        annotate("flaky", "gantry.dev/promote", "full");
        eventually(() -> assertThat(serviceSelects("flaky")).isEqualTo(candidate));
        servers.runtimes.errorShare(candidate, 0.4);

        awaitPhase("flaky", RolloutPhase.RolledBack);
        eventually(() -> {
            assertThat(serviceSelects("flaky")).isEqualTo(stable);
            assertThat(replicas("flaky-" + stable)).isEqualTo(2);
            assertThat(replicas("flaky-" + candidate)).as("kept for debugging").isEqualTo(2);
        });
        var status = mr("flaky").getStatus();
        assertThat(status.getFailedChecks().get(0).getMetric()).isEqualTo("error-rate");
        assertThat(status.getMessage()).contains("pods are kept without traffic");
        assertThat(md("flaky").getStatus().getStableRevision()).isEqualTo(stable);
    }

    @Test
    void rollsBackBeforeAnyTrafficWhenTheEvaluationFails() {
        servers.evaluationAnswers(body -> "London");
        var stable = stableModel("quiz", "");
        rollout(blueGreen("quiz", "ScaleToZero"));
        awaitPhase("quiz", RolloutPhase.Idle);
        var candidate = newRevision("quiz", "file:///opt/gantry/models/v2");

        awaitPhase("quiz", RolloutPhase.RolledBack);
        var check = mr("quiz").getStatus().getFailedChecks().get(0);
        assertThat(check.getMetric()).isEqualTo("evaluation");
        assertThat(check.getValue()).isEqualTo("0/3");
        assertThat(check.getMessage()).contains("does not contain \"Paris\"").contains("is not one of");
        assertThat(serviceSelects("quiz")).isEqualTo(stable);
        eventually(() -> assertThat(replicas("quiz-" + candidate)).isZero());
    }
}
