package dev.gantry.operator.modelrollout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.api.v1alpha1.ModelDeployment;
import dev.gantry.api.v1alpha1.ModelRollout;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.Test;

/** What the schema cannot check about a rollout is refused with the field named. */
class RolloutSpecValidatorTest {

    private static final KubernetesSerialization JSON = new KubernetesSerialization();

    private static ModelRollout rollout(String spec) {
        return JSON.unmarshal("""
                apiVersion: gantry.dev/v1alpha1
                kind: ModelRollout
                metadata: {name: chat}
                spec:
                """ + spec.indent(2), ModelRollout.class);
    }

    private static ModelDeployment target(String spec) {
        return JSON.unmarshal("""
                apiVersion: gantry.dev/v1alpha1
                kind: ModelDeployment
                metadata: {name: chat}
                spec:
                  model: {uri: "file:///m", name: m}
                """ + spec.indent(2), ModelDeployment.class);
    }

    @Test
    void acceptsTheExamplesShape() {
        var problems =
                RolloutSpecValidator.validate(rollout("""
                        targetRef: {name: chat}
                        strategy: {canary: {steps: [{setWeight: 10}, {analysis: {metrics: [e]}}]}}
                        analysis:
                          metrics: [{name: e, builtIn: {type: ErrorRate}, successCondition: result < 0.1}]
                        """).getSpec(), target("gateway: {parentRefs: [{name: gw}]}"));

        assertThat(problems).isEmpty();
    }

    @Test
    void namesEachFieldThatIsWrong() {
        var problems = RolloutSpecValidator.validate(rollout("""
                        targetRef: {name: chat}
                        strategy:
                          canary:
                            trafficRouter: IngressNginx
                            steps: [{setWeight: 50}, {setWeight: 20}, {analysis: {metrics: [latency]}}, {pause: {duration: soon}}]
                        analysis:
                          interval: 0s
                          metrics:
                            - {name: e, builtIn: {type: ErrorRate}, successCondition: "result <"}
                            - {name: e, webhook: {url: "http://x"}, successCondition: result < 1}
                        """).getSpec(), target(""));

        assertThat(problems)
                .anyMatch(p -> p.startsWith("spec.strategy.canary.steps[1].setWeight"))
                .anyMatch(p -> p.startsWith("spec.strategy.canary.steps[2].analysis.metrics: latency"))
                .anyMatch(p -> p.startsWith("spec.strategy.canary.steps[3].pause.duration"))
                .anyMatch(p -> p.startsWith("spec.strategy.canary.trafficRouter: IngressNginx needs spec.ingress"))
                .anyMatch(p -> p.startsWith("spec.analysis.interval"))
                .anyMatch(p -> p.startsWith("spec.analysis.metrics[0].successCondition"))
                .anyMatch(p -> p.startsWith("spec.analysis.metrics[1].name: e is defined twice"))
                .anyMatch(p -> p.startsWith("spec.analysis.metrics[1].successCondition: a webhook"));
    }

    @Test
    void refusesAPreviewServiceThatWouldTakeAnotherServicesName() {
        var problems = RolloutSpecValidator.validate(rollout("""
                        targetRef: {name: chat}
                        strategy: {blueGreen: {previewService: chat-4d51a0be92}}
                        """).getSpec(), target(""));

        assertThat(problems).singleElement().asString().startsWith("spec.strategy.blueGreen.previewService");
    }
}
