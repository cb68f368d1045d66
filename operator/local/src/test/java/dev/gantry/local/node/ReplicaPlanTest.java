package dev.gantry.local.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.local.node.ReplicaPlan.PodView;
import dev.gantry.local.node.ReplicaPlan.Strategy;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Deployment controller's decisions, as Kubernetes makes them. */
class ReplicaPlanTest {

    private static final Strategy SURGE_ONE = new Strategy(false, 1, 0);
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void createsMissingPodsOfTheCurrentTemplate() {
        var decision = ReplicaPlan.decide(2, SURGE_ONE, "new", List.of(pod("a", "new", true, 0)), 0);

        assertThat(decision.create()).isEqualTo(1);
        assertThat(decision.delete()).isEmpty();
    }

    @Test
    void scalesDownNotReadyPodsFirstThenTheNewest() {
        var pods = List.of(pod("old", "h", true, 0), pod("young", "h", true, 5), pod("loading", "h", false, 1));

        var decision = ReplicaPlan.decide(1, SURGE_ONE, "h", pods, 0);

        assertThat(decision.delete()).containsExactly("loading", "young");
    }

    @Test
    void rollingUpdateSurgesOnePodAndKeepsEveryOldPodUntilTheNewOneIsReady() {
        var pods = List.of(pod("o1", "old", true, 0), pod("o2", "old", true, 0));

        var start = ReplicaPlan.decide(2, SURGE_ONE, "new", pods, 0);
        var loading = ReplicaPlan.decide(
                2, SURGE_ONE, "new", List.of(pods.get(0), pods.get(1), pod("n1", "new", false, 1)), 0);
        var ready = ReplicaPlan.decide(
                2, SURGE_ONE, "new", List.of(pods.get(0), pods.get(1), pod("n1", "new", true, 1)), 0);

        assertThat(start).isEqualTo(new ReplicaPlan.Decision(1, List.of()));
        assertThat(loading).isEqualTo(new ReplicaPlan.Decision(0, List.of()));
        assertThat(ready.delete()).containsExactly("o1");
    }

    @Test
    void rollingUpdateRemovesOldPodsThatNeverBecameReadyFirst() {
        var pods = List.of(pod("crashing", "old", false, 0), pod("serving", "old", true, 0));

        var decision = ReplicaPlan.decide(2, new Strategy(false, 1, 1), "new", pods, 0);

        assertThat(decision.delete()).startsWith("crashing");
    }

    @Test
    void recreateStopsEveryOldPodAndStartsNewOnesOnlyWhenTheyAreGone() {
        var recreate = new Strategy(true, 0, 1);

        var first = ReplicaPlan.decide(1, recreate, "new", List.of(pod("old", "old", true, 0)), 0);
        var waiting = ReplicaPlan.decide(1, recreate, "new", List.of(), 1);
        var after = ReplicaPlan.decide(1, recreate, "new", List.of(), 0);

        assertThat(first).isEqualTo(new ReplicaPlan.Decision(0, List.of("old")));
        assertThat(waiting.create()).isZero();
        assertThat(after.create()).isEqualTo(1);
    }

    private static PodView pod(String name, String hash, boolean ready, int secondsAfterStart) {
        return new PodView(name, hash, ready, T0.plusSeconds(secondsAfterStart));
    }
}
