package dev.gantry.operator.modelrollout;

import static dev.gantry.operator.testing.Cluster.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.api.v1alpha1.rollout.RolloutPhase;
import dev.gantry.operator.testing.MockApiServer;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Rollback latency: a canary at 50% under analysis with a 5 s interval; at a chosen moment the candidate's pods
 * start failing half their requests (the error rate crosses its threshold of 0.05), and the benchmark polls the
 * HTTPRoute every 10 ms until all traffic is back on the stable revision. The crossing moment is spread evenly
 * over the interval across runs. Not a test: run it by hand,
 *
 * <pre>
 * ./mvnw -B -pl operator/api,operator/controller test -Dtest=RollbackLatencyBenchmark -Dgantry.bench=true \
 *     -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * <p>and read target/bench/rollback-latency.md ({@code -Dgantry.bench.runs=N} for another N).
 */
@EnabledIfSystemProperty(named = "gantry.bench", matches = "true")
class RollbackLatencyBenchmark extends RolloutScenarioBase {

    private static final int RUNS = Integer.getInteger("gantry.bench.runs", 10);
    private static final Duration INTERVAL = Duration.ofSeconds(5);

    private record Run(Duration offset, Duration total, Duration detection, Duration actuation) {}

    @Test
    void measuresTheTimeFromAThresholdCrossingToAllTrafficOnStable() throws Exception {
        var loadBefore =
                Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        var stable = stableModel("latency", "");
        rollout("""
                apiVersion: gantry.dev/v1alpha1
                kind: ModelRollout
                metadata: {name: latency}
                spec:
                  targetRef: {name: latency}
                  strategy:
                    canary:
                      steps:
                        - setWeight: 50
                        - analysis: {measurements: 1000}
                  analysis:
                    interval: 5s
                    metrics:
                      - name: error-rate
                        builtIn: {type: ErrorRate, minSamples: 10}
                        successCondition: result < 0.05
                """);
        awaitPhase("latency", RolloutPhase.Idle);
        var candidate = newRevision("latency", "file:///opt/gantry/models/v2");
        var runs = new ArrayList<Run>();
        for (int i = 0; i < RUNS; i++) {
            var windowStart = awaitAnalysisWindow();
            var offset = INTERVAL.multipliedBy(i).dividedBy(RUNS);
            sleepUntil(windowStart.plus(offset));

            var crossed = Instant.now();
            servers.runtimes.errorShare(candidate, 0.5);
            while (!routeWeights("latency").equals(Map.of("latency-" + stable, 100))) {
                Thread.sleep(10);
            }
            var applied = Instant.now();
            awaitPhase("latency", RolloutPhase.RolledBack);
            var decided =
                    Instant.parse(mr("latency").getStatus().getHistory().get(0).getFinishedAt());
            runs.add(new Run(
                    offset,
                    Duration.between(crossed, applied),
                    Duration.between(crossed, decided),
                    Duration.between(decided, applied)));

            servers.runtimes.errorShare(candidate, 0.0);
            annotate("latency", "gantry.dev/retry", "true");
            awaitPhase("latency", RolloutPhase.Progressing);
        }
        var loadAfter = Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        var report = report(runs, loadBefore, loadAfter);
        var out = MockApiServer.root().resolve("operator/controller/target/bench/rollback-latency.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);
        assertThat(runs).hasSize(RUNS);
    }

    private Instant awaitAnalysisWindow() {
        eventually(() -> {
            var run = mr("latency").getStatus().getAnalysisRun();
            assertThat(run).isNotNull();
            assertThat(run.getName()).isEqualTo("step 2");
        });
        return Instant.parse(mr("latency").getStatus().getAnalysisRun().getWindowStartedAt());
    }

    private static void sleepUntil(Instant at) throws InterruptedException {
        var wait = Duration.between(Instant.now(), at);
        if (!wait.isNegative()) {
            Thread.sleep(wait.toMillis());
        }
    }

    private static String report(List<Run> runs, String loadBefore, String loadAfter) {
        var out = new StringBuilder("| Crossing, after the interval started | Crossing to router at 100% stable |"
                + " Crossing to rollback decided | Decided to router applied |\n| ---: | ---: | ---: | ---: |\n");
        for (var run : runs) {
            out.append(String.format(
                    Locale.ROOT,
                    "| %.2f s | %.2f s | %.2f s | %d ms |%n",
                    run.offset().toMillis() / 1000.0,
                    run.total().toMillis() / 1000.0,
                    run.detection().toMillis() / 1000.0,
                    run.actuation().toMillis()));
        }
        var totals = runs.stream().map(r -> r.total().toMillis()).sorted().toList();
        var actuations =
                runs.stream().map(r -> r.actuation().toMillis()).sorted().toList();
        out.append(String.format(
                Locale.ROOT,
                "%nCrossing to 100%% stable: min %.2f s, median %.2f s, max %.2f s. Decision to router applied:"
                        + " median %d ms, max %d ms. Load average before: %s; after: %s.%n",
                totals.get(0) / 1000.0,
                totals.get(totals.size() / 2) / 1000.0,
                totals.get(totals.size() - 1) / 1000.0,
                actuations.get(actuations.size() / 2),
                actuations.get(actuations.size() - 1),
                loadBefore,
                loadAfter));
        return out.toString();
    }
}
