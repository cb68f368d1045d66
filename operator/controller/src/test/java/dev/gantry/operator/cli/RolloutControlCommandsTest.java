package dev.gantry.operator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.api.v1alpha1.rollout.RolloutPhase;
import dev.gantry.operator.testing.MockApiServer;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** promote, abort, retry, pause and resume write the annotations of docs/concepts.md, and nothing else. */
class RolloutControlCommandsTest {

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

    @ParameterizedTest(name = "{0} sets {2}={3} on a {1} rollout")
    @CsvSource({
        "promote,         Paused,      gantry.dev/promote, step",
        "promote --full,  Progressing, gantry.dev/promote, full",
        "abort,           Progressing, gantry.dev/abort,   true",
        "retry,           RolledBack,  gantry.dev/retry,   true",
        "pause,           Progressing, gantry.dev/paused,  true",
    })
    void setsTheOneShotAnnotationAndKeepsTheOthers(String command, RolloutPhase phase, String key, String value) {
        CanaryInProgress.create(cli, status -> status.setPhase(phase));

        var result = cli.run(args(command, CanaryInProgress.ROLLOUT));

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out()).startsWith("ModelRollout " + cli.namespace() + "/" + CanaryInProgress.ROLLOUT + ": ");
        assertThat(annotations()).containsEntry(key, value).containsEntry("team", "ml-platform");
    }

    @Test
    void promoteSaysWhereTheRolloutStands() {
        CanaryInProgress.create(cli, status -> status.setPhase(RolloutPhase.Paused));

        var result = cli.run("promote", CanaryInProgress.ROLLOUT);

        assertThat(result.out())
                .isEqualTo("ModelRollout " + cli.namespace() + "/assistant-canary: promotion past the current step"
                        + " requested (Paused, step 3/9, weight 25%)\n");
    }

    @Test
    void resumeRemovesThePauseAnnotation() {
        CanaryInProgress.create(cli);
        cli.run("pause", CanaryInProgress.ROLLOUT);

        var result = cli.run("resume", CanaryInProgress.ROLLOUT);

        assertThat(result.exit()).isZero();
        assertThat(annotations()).doesNotContainKey(ManualControl.PAUSED).containsEntry("team", "ml-platform");
        assertThat(cli.run("resume", CanaryInProgress.ROLLOUT).out()).contains("nothing to remove");
    }

    @Test
    void resumeExplainsThatSpecPausedStillHoldsTheRollout() {
        CanaryInProgress.create(cli, status -> status.setPhase(RolloutPhase.Paused));
        cli.client()
                .resources(dev.gantry.api.v1alpha1.ModelRollout.class)
                .inNamespace(cli.namespace())
                .withName(CanaryInProgress.ROLLOUT)
                .edit(rollout -> {
                    rollout.getSpec().setPaused(true);
                    return rollout;
                });

        var result = cli.run("resume", CanaryInProgress.ROLLOUT);

        assertThat(result.out())
                .contains("note: spec.paused is true")
                .contains("note: a pause step without duration, or analysis paused on inconclusive data, waits for"
                        + " kubectl gantry promote assistant-canary");
    }

    @Test
    void retryRunsTheChecksOfARolloutPausedOnAnInconclusiveAnalysisAgain() {
        CanaryInProgress.create(cli, status -> {
            status.setPhase(RolloutPhase.Paused);
            status.setPauseReason("InconclusiveAnalysis");
        });

        var result = cli.run("retry", CanaryInProgress.ROLLOUT);

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out())
                .contains("retry requested: the operator runs the paused check again (Paused, step 3/9");
        assertThat(annotations()).containsEntry(ManualControl.RETRY, "true");
    }

    @ParameterizedTest(name = "retry on a rollout {0} for {1} is refused")
    @CsvSource({
        "Paused, AwaitingPromotion, 'not to one paused for AwaitingPromotion'",
        "Paused, PauseStep,         'not to one paused for PauseStep'",
        "Failed, ,                  'a Failed rollout cannot run as specified'",
        "Progressing, ,             'retry applies to a rollout that is'",
    })
    void retryIsRefusedWhereTheOperatorWouldIgnoreIt(RolloutPhase phase, String pauseReason, String why) {
        CanaryInProgress.create(cli, status -> {
            status.setPhase(phase);
            status.setPauseReason(pauseReason);
        });

        var result = cli.run("retry", CanaryInProgress.ROLLOUT);

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).startsWith("error: ModelRollout ").contains(why);
        assertThat(annotations()).doesNotContainKey(ManualControl.RETRY);
    }

    @Test
    void theModelDeploymentsNameFindsItsRollout() {
        CanaryInProgress.create(cli);

        var result = cli.run("abort", "assistant");

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(annotations()).containsEntry(ManualControl.ABORT, "true");
    }

    @Test
    void refusesAnAnnotationThatWouldWaitForALaterRollout() {
        CanaryInProgress.create(cli, status -> status.setPhase(RolloutPhase.Succeeded));

        var result = cli.run("promote", CanaryInProgress.ROLLOUT);

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err())
                .startsWith("error: ModelRollout " + cli.namespace() + "/assistant-canary is Succeeded, step 3/9")
                .contains("promote applies to a rollout that is");
        assertThat(annotations()).doesNotContainKey(ManualControl.PROMOTE);
    }

    @Test
    void anUnknownRolloutIsAClearError() {
        var result = cli.run("abort", "nope");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err())
                .isEqualTo("error: no ModelRollout nope in namespace " + cli.namespace()
                        + ", and none targets a ModelDeployment of that name\n");
    }

    @Test
    void needsOnlyGetAndPatchOnTheRollout() {
        CanaryInProgress.create(cli, status -> status.setPhase(RolloutPhase.Paused));
        var before = cli.api().dispatcher().requestCounts();

        cli.run("promote", CanaryInProgress.ROLLOUT);

        var after = cli.api().dispatcher().requestCounts();
        // fabric8 reads the object again before a merge patch: still only the get verb.
        assertThat(delta(before, after)).containsOnlyKeys("GET", "PATCH").containsEntry("PATCH", 1L);
    }

    private Map<String, String> annotations() {
        return cli.rollout(CanaryInProgress.ROLLOUT).getMetadata().getAnnotations();
    }

    private static String[] args(String command, String name) {
        var words = command.trim().split("\\s+");
        var args = java.util.Arrays.copyOf(words, words.length + 1);
        args[words.length] = name;
        return args;
    }

    private static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
        var delta = new java.util.TreeMap<String, Long>();
        after.forEach((method, count) -> {
            long change = count - before.getOrDefault(method, 0L);
            if (change != 0) {
                delta.put(method, change);
            }
        });
        return delta;
    }
}
