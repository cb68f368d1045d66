package dev.gantry.operator.analysis;

import io.fabric8.kubernetes.api.model.Pod;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Reads {@code /metrics} from every ready pod at once, through the configured URL template. */
final class PodMetricsScraper {

    /** Placeholders of {@code gantry.analysis.pod-metrics-url}. */
    static final java.util.Set<String> PLACEHOLDERS = java.util.Set.of("podIP", "namespace", "pod");

    /**
     * What one scrape of a revision's pods gave.
     *
     * @param byPod the built-in series of each pod that answered
     * @param failures one line per pod that did not
     */
    record Scrape(Map<String, List<Sample>> byPod, List<String> failures) {}

    private final HttpClient http;
    private final UrlTemplate template;
    private final Duration timeout;

    PodMetricsScraper(HttpClient http, UrlTemplate template, Duration timeout) {
        this.http = http;
        this.template = template;
        this.timeout = timeout;
    }

    Scrape scrape(List<Pod> pods) {
        var calls = new LinkedHashMap<String, CompletableFuture<List<Sample>>>();
        for (var pod : pods) {
            if (ready(pod)) {
                calls.put(pod.getMetadata().getName(), scrape(pod));
            }
        }
        var byPod = new LinkedHashMap<String, List<Sample>>();
        var failures = new ArrayList<String>();
        calls.forEach((name, call) -> {
            try {
                byPod.put(name, call.join());
            } catch (RuntimeException e) {
                var cause = e.getCause() == null ? e : e.getCause();
                failures.add(name + ": " + Describe.failure(cause));
            }
        });
        return new Scrape(byPod, failures);
    }

    private CompletableFuture<List<Sample>> scrape(Pod pod) {
        var uri = template.expand(Map.of(
                "podIP", pod.getStatus().getPodIP(),
                "namespace", pod.getMetadata().getNamespace(),
                "pod", pod.getMetadata().getName()));
        var request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Accept", "text/plain")
                .GET()
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
            if (response.statusCode() != 200) {
                throw new IllegalStateException(uri + " answered HTTP " + response.statusCode());
            }
            return PrometheusText.parse(response.body(), BuiltInMetrics.SERIES::contains);
        });
    }

    /** Running, Ready and addressable, and not on its way out. */
    static boolean ready(Pod pod) {
        var status = pod.getStatus();
        return pod.getMetadata().getDeletionTimestamp() == null
                && status != null
                && status.getPodIP() != null
                && status.getConditions() != null
                && status.getConditions().stream()
                        .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }
}
