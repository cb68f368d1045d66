package dev.gantry.operator.analysis;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gantry.api.v1alpha1.rollout.Verdict;
import dev.gantry.api.v1alpha1.rollout.WebhookMetric;
import dev.gantry.operator.render.Durations;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;

/**
 * POSTs the rollout's context as JSON: a 2xx answer passes, a 5xx or no answer (refused, timed out) is an error
 * (the webhook could not judge), any other answer fails.
 */
final class Webhook {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final SecretLookup secrets;

    Webhook(HttpClient http, SecretLookup secrets) {
        this.http = http;
        this.secrets = secrets;
    }

    CompletableFuture<MetricResult> call(String metric, WebhookMetric spec, WindowContext window) {
        var condition = "2xx from " + spec.getUrl();
        HttpRequest request;
        try {
            request = request(metric, spec, window);
        } catch (IllegalStateException e) {
            return CompletableFuture.completedFuture(MetricResult.error(metric, condition, e.getMessage()));
        }
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> judge(metric, condition, response.statusCode(), response.body()))
                .exceptionally(
                        e -> MetricResult.error(metric, condition, "webhook call failed: " + Describe.failure(e)));
    }

    static MetricResult judge(String metric, String condition, int status, String body) {
        var answer = "HTTP " + status + (body == null || body.isBlank() ? "" : ": " + Describe.truncate(body, 200));
        Verdict verdict =
                status >= 200 && status < 300 ? Verdict.Passed : status >= 500 ? Verdict.Error : Verdict.Failed;
        return new MetricResult(metric, verdict, String.valueOf(status), condition, answer);
    }

    private HttpRequest request(String metric, WebhookMetric spec, WindowContext window) {
        var builder = HttpRequest.newBuilder(URI.create(spec.getUrl()))
                .timeout(Durations.parse(spec.getTimeout()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(metric, window)));
        if (spec.getHeaders() != null) {
            for (var header : spec.getHeaders()) {
                var value = header.getValue();
                if (value == null && header.getValueFrom() != null) {
                    var ref = header.getValueFrom();
                    value = secrets.value(window.namespace(), ref.getName(), ref.getKey())
                            .orElseThrow(() -> new IllegalStateException("header " + header.getName() + ": key "
                                    + ref.getKey() + " of Secret " + ref.getName() + " not found"));
                }
                builder.header(header.getName(), value);
            }
        }
        return builder.build();
    }

    static String body(String metric, WindowContext window) {
        ObjectNode root = JSON.createObjectNode();
        root.putObject("rollout")
                .put("name", window.rollout())
                .put("namespace", window.namespace())
                .put("uid", window.rolloutUid());
        root.put("modelDeployment", window.modelDeployment());
        root.put("metric", metric);
        root.put("analysis", window.analysis());
        root.put("strategy", window.strategy());
        root.put("revision", window.revision());
        root.put("stableRevision", window.stableRevision());
        root.put("candidateRevision", window.candidateRevision());
        if (window.weight() != null) {
            root.put("weight", window.weight());
        }
        root.put("intervalStart", window.start().toString());
        root.put("intervalEnd", window.end().toString());
        return root.toString();
    }
}
