package dev.gantry.operator.bench;

import dev.gantry.operator.modeldeployment.dependent.ChildMatcher;
import dev.gantry.operator.render.ModelDeploymentRenderer;
import dev.gantry.operator.render.OperatorDefaults;
import dev.gantry.operator.render.RenderContext;
import dev.gantry.operator.testing.Fixtures;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The CPU cost of the reconcile's pure parts for one ModelDeployment: computing the revision, rendering every
 * child, and matching every child against the cluster's copy. A warmed-up loop, median of five rounds:
 *
 * <pre>
 * ./mvnw -B -pl operator/controller test -Dtest=RenderCostBenchmark -Dgantry.bench=true
 * </pre>
 */
@EnabledIfSystemProperty(named = "gantry.bench", matches = "true")
class RenderCostBenchmark {

    private static final int ITERATIONS = 2_000;
    private static final OperatorDefaults DEFAULTS = OperatorDefaults.standard();

    @Test
    void measuresRevisionRenderAndMatchPerModelDeployment() {
        var report =
                new StringBuilder("| Example | Children | Revision hash | Render all children | Match all children |\n"
                        + "| --- | --- | --- | --- | --- |\n");
        var serialization = new KubernetesSerialization();
        for (var example : List.of("cpu-tiny", "gpu-llama", "canary-gateway")) {
            var md = Fixtures.example(example, "models");
            md.getMetadata().setUid("uid-1");
            var revision = ModelDeploymentRenderer.currentRevision(md, DEFAULTS);
            var context = RenderContext.offline(DEFAULTS, revision);
            var children = ModelDeploymentRenderer.render(md, context).all();
            var live = children.stream().map(serialization::clone).toList();

            double hash = micros(() -> ModelDeploymentRenderer.currentRevision(md, DEFAULTS));
            double render = micros(() -> ModelDeploymentRenderer.render(md, context));
            double match = micros(() -> {
                for (int i = 0; i < children.size(); i++) {
                    if (!ChildMatcher.matches(children.get(i), live.get(i))) {
                        throw new IllegalStateException("a child does not match its own copy");
                    }
                }
                return null;
            });
            report.append(String.format(
                    Locale.ROOT,
                    "| %s | %d | %.0f µs | %.0f µs | %.0f µs |%n",
                    example,
                    children.size(),
                    hash,
                    render,
                    match));
        }
        System.out.println(report);
    }

    private static double micros(java.util.function.Supplier<Object> work) {
        for (int i = 0; i < ITERATIONS; i++) {
            work.get();
        }
        var rounds = new ArrayList<Double>();
        for (int round = 0; round < 5; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < ITERATIONS; i++) {
                work.get();
            }
            rounds.add((System.nanoTime() - start) / 1_000.0 / ITERATIONS);
        }
        Collections.sort(rounds);
        return rounds.get(2);
    }
}
