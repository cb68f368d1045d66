package dev.gantry.local.traffic;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A client that sends completions through the gateway, one after another at a steady rate, without retries, and
 * records every outcome: what a rollout must not break. Streamed answers count as successful only when the stream
 * ends with {@code [DONE]}.
 */
public final class Traffic implements AutoCloseable {

    private static final String[] PROMPTS = {"Once upon a time", "The little dog", "Lily and Tom", "One day, a bird"};

    private final URI completions;
    private final Duration pause;
    private final boolean stream;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private final List<Outcome> outcomes = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    private Traffic(String gatewayUrl, double perSecond, boolean stream) {
        this.completions = URI.create(gatewayUrl + "/v1/completions");
        this.pause = Duration.ofMillis((long) (1000 / perSecond));
        this.stream = stream;
        this.thread = new Thread(this::run, "traffic");
        this.thread.setDaemon(true);
    }

    /** Starts sending about {@code perSecond} sampled completions a second (fewer when answers are slower). */
    public static Traffic start(String gatewayUrl, double perSecond, boolean stream) {
        var traffic = new Traffic(gatewayUrl, perSecond, stream);
        traffic.thread.start();
        return traffic;
    }

    private void run() {
        while (running) {
            var started = System.nanoTime();
            outcomes.add(send());
            var left = pause.toNanos() - (System.nanoTime() - started);
            if (left > 0) {
                try {
                    Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private Outcome send() {
        var prompt = PROMPTS[ThreadLocalRandom.current().nextInt(PROMPTS.length)];
        var body = "{\"prompt\":\"" + prompt + "\",\"max_tokens\":12,\"temperature\":0.9,\"stream\":" + stream + "}";
        var request = HttpRequest.newBuilder(completions)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        var at = Instant.now();
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            var upstream = response.headers().firstValue("X-Gantry-Upstream").orElse(null);
            String error = null;
            if (response.statusCode() != 200) {
                error = response.body();
            } else if (stream && !response.body().contains("data: [DONE]")) {
                error = "the stream ended without [DONE]";
            }
            return new Outcome(at, response.statusCode(), upstream, error);
        } catch (IOException e) {
            return new Outcome(at, 0, null, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(at, 0, null, "interrupted");
        }
    }

    public List<Outcome> outcomes() {
        return new ArrayList<>(outcomes);
    }

    public long count() {
        return outcomes.size();
    }

    public List<Outcome> failures() {
        return outcomes.stream().filter(o -> !o.ok()).toList();
    }

    /** Stops after the request in flight, which is recorded too. */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(35_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
