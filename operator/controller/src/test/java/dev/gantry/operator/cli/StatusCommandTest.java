package dev.gantry.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gantry.api.v1alpha1.ModelRollout;
import dev.gantry.api.v1alpha1.rollout.RolloutPhase;
import dev.gantry.api.v1alpha1.rollout.Verdict;
import dev.gantry.operator.testing.MockApiServer;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StatusCommandTest {

    static MockApiServer api;
    CliHarness cli;

    @BeforeAll
    static void startApiServer() {
        api = new MockApiServer();
    }

    @AfterAll
    static void stopApiServer() {
        api.close();
    }

    @BeforeEach
    void newNamespace() {
        cli = new CliHarness(api);
    }

    @Test
    void showsTheRolloutStepAndAnalysisAboveATreeOfRevisionsAndPodsWithTheirTraffic() {
        CanaryInProgress.create(cli);

        var result = cli.run("status", "assistant");

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out())
                .containsPattern("Status: +◌ Progressing \\(RevisionRollingOut\\)")
                .containsPattern("Revision: +4d51a0be92 \\(stable: 7c9f1e2a3b\\)")
                .containsPattern("Rollout: +assistant-canary")
                .containsPattern("Phase: +◌ Progressing")
                .containsPattern("Step: +3/9")
                .containsPattern("Weight: +25%")
                .contains(
                        "    ✔ 2. analysis error-rate, latency-p95\n", "    ► 3. setWeight 25\n", "    ○ 4. pause 5m\n")
                .containsPattern("error-rate +4d51a0be92 +0\\.004 +result < 0\\.01 +✔ Passed +2m")
                .containsPattern("latency-p95 +4d51a0be92 +NaN +result < 8 +\\? Inconclusive +30s");
        assertThat(treeOf(result.out()))
                .containsSubsequence(
                        "⟳ assistant",
                        "├── # 7c9f1e2a3b",
                        "│   ├── □ assistant-7c9f1e2a3b-5d8f9-aaaaa",
                        "│   └── □ assistant-7c9f1e2a3b-5d8f9-bbbbb",
                        "└── # 4d51a0be92",
                        "    └── □ assistant-4d51a0be92-77c4b-ccccc");
        assertThat(line(result.out(), "# 7c9f1e2a3b")).containsPattern("Stable +75% +2/2 .*pvc://models/qwen-v1");
        assertThat(line(result.out(), "# 4d51a0be92")).containsPattern("Candidate +25% +0/1");
        assertThat(line(result.out(), "aaaaa")).containsPattern("✔ Running +1/1 +0");
        assertThat(line(result.out(), "ccccc")).containsPattern("✖ CrashLoopBackOff +0/1 +3");
    }

    @Test
    void aRolledBackRolloutShowsTheFailedCheckWithItsValueAndThreshold() {
        CanaryInProgress.create(cli, status -> {
            status.setPhase(RolloutPhase.RolledBack);
            status.setCurrentWeight(0);
            status.setMessage("error-rate 0.12 failed result < 0.01; all traffic back to 7c9f1e2a3b");
            status.setFailedChecks(List.of(CanaryInProgress.measurement(
                    "error-rate", "0.12", "result < 0.01", Verdict.Failed, "2025-03-01T11:59:00Z")));
        });

        var result = cli.run("status", "assistant");

        assertThat(result.out())
                .containsPattern("Phase: +✖ RolledBack")
                .containsPattern("Message: +error-rate 0\\.12 failed result < 0\\.01")
                .containsPattern(
                        "Failed checks:\n +METRIC.*\n +error-rate +4d51a0be92 +0\\.12 +result < 0\\.01 +✖ Failed");
    }

    @Test
    void findsTheModelDeploymentFromTheNameOfItsRollout() {
        CanaryInProgress.create(cli);

        var result = cli.run("status", CanaryInProgress.ROLLOUT);

        assertThat(result.exit()).isZero();
        assertThat(result.out()).containsPattern("Name: +assistant\n").contains("⟳ assistant");
    }

    @Test
    void anUnknownNameIsAClearError() {
        var result = cli.run("status", "nope");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err())
                .isEqualTo("error: no ModelDeployment or ModelRollout nope in namespace " + cli.namespace() + "\n");
    }

    @Test
    void watchPrintsAgainWhenTheRolloutMovesOn() throws Exception {
        CanaryInProgress.create(cli);
        var out = new StringWriter();
        var command = cli.command(out, new StringWriter());

        var exit = CompletableFuture.supplyAsync(() -> command.execute(
                cli.withNamespace("status", "assistant", "--watch", "--interval", "100ms", "--timeout", "3s")));
        await().atMost(Duration.ofSeconds(5)).until(() -> out.toString().contains("Step:"));
        cli.client()
                .resources(ModelRollout.class)
                .inNamespace(cli.namespace())
                .withName(CanaryInProgress.ROLLOUT)
                .editStatus(rollout -> {
                    rollout.getStatus().setStep("4/9");
                    rollout.getStatus().setPhase(RolloutPhase.Paused);
                    return rollout;
                });

        await().atMost(Duration.ofSeconds(5)).until(() -> out.toString().contains("4/9"));
        assertThat(exit.get()).isZero();
        assertThat(out.toString())
                .containsPattern("Step: +3/9")
                .containsPattern("Phase: +॥ Paused")
                .containsPattern("Step: +4/9");
        assertThat(out.toString().split("Rollout:", -1))
                .as("one rendering per change")
                .hasSize(3);
    }

    private static String treeOf(String out) {
        return out.substring(out.indexOf("NAME "));
    }

    private static String line(String out, String containing) {
        return out.lines().filter(l -> l.contains(containing)).findFirst().orElseThrow();
    }
}
