package dev.gantry.local.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The kubelet's restart back-off. */
class BackoffTest {

    private static final Duration BRIEFLY = Duration.ofSeconds(1);

    @Test
    void restartsAtOnceThenDoublesTheWaitUpToTheCap() {
        var backoff = new Backoff(Duration.ofSeconds(10), Duration.ofSeconds(40));

        var waits = java.util.stream.Stream.generate(() -> backoff.afterExit(BRIEFLY))
                .limit(5)
                .map(Duration::toSeconds)
                .toList();

        assertThat(waits).containsExactly(0L, 10L, 20L, 40L, 40L);
    }

    @Test
    void startsOverAfterAContainerRanForTwiceTheCap() {
        var backoff = new Backoff(Duration.ofSeconds(10), Duration.ofSeconds(40));
        backoff.afterExit(BRIEFLY);
        backoff.afterExit(BRIEFLY);

        var wait = backoff.afterExit(Duration.ofSeconds(81));

        assertThat(wait).isZero();
    }
}
