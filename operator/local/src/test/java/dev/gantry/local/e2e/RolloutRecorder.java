package dev.gantry.local.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gantry.api.v1alpha1.ModelRollout;
import dev.gantry.local.LocalCluster;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * Samples, every 100 ms while a rollout runs, the ModelRollout's status and the weights the gateway actually routes
 * by (its {@code /_gantry/routes}, not the HTTPRoute object): what a test needs to tell that traffic moved through
 * the steps, never backwards, and when it was all back on the stable revision.
 */
final class RolloutRecorder implements AutoCloseable {

    /**
     * One sample.
     *
     * @param routed the gateway's weights for the ModelDeployment's HTTPRoute by Service name; empty when the
     *     gateway had no such route at that moment
     */
    record Sample(
            Instant at,
            String phase,
            Integer stepIndex,
            Integer weight,
            String resourceVersion,
            Integer analysisPasses,
            Map<String, Integer> routed) {

        /** The share (percent) of the gateway's traffic for {@code service}, or null when the route was missing. */
        Integer share(String service) {
            if (routed.isEmpty()) {
                return null;
            }
            int total = routed.values().stream().mapToInt(Integer::intValue).sum();
            return total == 0 ? 0 : 100 * routed.getOrDefault(service, 0) / total;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final LocalCluster cluster;
    private final List<Sample> samples = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    private RolloutRecorder(LocalCluster cluster) {
        this.cluster = cluster;
        this.thread = new Thread(this::run, "rollout-recorder");
        this.thread.setDaemon(true);
    }

    static RolloutRecorder start(LocalCluster cluster) {
        var recorder = new RolloutRecorder(cluster);
        recorder.samples.add(recorder.sample());
        recorder.thread.start();
        return recorder;
    }

    private void run() {
        while (running) {
            try {
                samples.add(sample());
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // the API server or gateway was busy for a moment: the next sample tells
            }
        }
    }

    private Sample sample() {
        var at = Instant.now();
        var rollout = Rollouts.rollout(cluster);
        var status = rollout.getStatus();
        return new Sample(
                at,
                status == null || status.getPhase() == null
                        ? null
                        : status.getPhase().name(),
                status == null ? null : status.getCurrentStepIndex(),
                status == null ? null : status.getCurrentWeight(),
                rollout.getMetadata().getResourceVersion(),
                passes(rollout),
                routed());
    }

    private static Integer passes(ModelRollout rollout) {
        var run = rollout.getStatus() == null ? null : rollout.getStatus().getAnalysisRun();
        if (run == null || run.getMetrics() == null || run.getMetrics().isEmpty()) {
            return null;
        }
        return run.getMetrics().stream()
                .map(m -> m.getPassed() == null ? 0 : m.getPassed())
                .min(Integer::compare)
                .orElse(0);
    }

    /** The gateway's backends of {@code httproute default/stories}, by Service name. */
    private Map<String, Integer> routed() {
        try {
            var request = HttpRequest.newBuilder(URI.create(cluster.gatewayUrl() + "/_gantry/routes"))
                    .timeout(Duration.ofSeconds(2))
                    .build();
            var body = HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
            var weights = new LinkedHashMap<String, Integer>();
            for (JsonNode route : JSON.readTree(body).path("routes")) {
                var source = route.path("source").asText();
                if (!source.startsWith(
                        "httproute " + LocalModeFixture.NAMESPACE + "/" + LocalModeFixture.MODEL + " ")) {
                    continue;
                }
                for (JsonNode backend : route.path("backends")) {
                    weights.put(
                            serviceName(backend.path("service").asText()),
                            backend.path("weight").asInt());
                }
            }
            return weights;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the gateway's routes", e);
        }
    }

    /** {@code default/stories-abc:8080} to {@code stories-abc}. */
    private static String serviceName(String described) {
        var name = described.substring(described.indexOf('/') + 1);
        int colon = name.lastIndexOf(':');
        return colon < 0 ? name : name.substring(0, colon);
    }

    List<Sample> samples() {
        return new ArrayList<>(samples);
    }

    /**
     * The gateway's share for {@code service} as it changed over time: consecutive repeats and moments without
     * the route left out, e.g. {@code [0, 25, 50, 100]}.
     */
    List<Integer> shares(String service) {
        var changes = new ArrayList<Integer>();
        for (var sample : samples) {
            var share = sample.share(service);
            if (share != null
                    && (changes.isEmpty() || !changes.get(changes.size() - 1).equals(share))) {
                changes.add(share);
            }
        }
        return changes;
    }

    /** The step indexes a rollout in progress went through, consecutive repeats left out. */
    List<Integer> stepIndexes() {
        var changes = new ArrayList<Integer>();
        for (var sample : samples) {
            var index = sample.stepIndex();
            boolean inProgress = List.of("Progressing", "Paused", "Promoting").contains(sample.phase());
            if (index != null
                    && inProgress
                    && (changes.isEmpty() || !Objects.equals(changes.get(changes.size() - 1), index))) {
                changes.add(index);
            }
        }
        return changes;
    }

    /** The first sample taken after {@code since} that matches. */
    Optional<Sample> first(Instant since, Predicate<Sample> matching) {
        return samples.stream()
                .filter(s -> s.at().isAfter(since))
                .filter(matching)
                .findFirst();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5000);
    }
}
