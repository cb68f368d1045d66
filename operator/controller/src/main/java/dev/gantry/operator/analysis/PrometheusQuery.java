package dev.gantry.operator.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gantry.api.v1alpha1.rollout.PrometheusMetric;
import dev.gantry.operator.render.Durations;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/** An instant query through the Prometheus HTTP API whose single result is the measured value. */
final class PrometheusQuery {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A query's outcome: a value (NaN for an empty result), or an error to report. */
    record Answer(double value, String message, boolean error) {}

    private final HttpClient http;

    PrometheusQuery(HttpClient http) {
        this.http = http;
    }

    /** {@code {{revision}}}, {@code {{namespace}}} and {@code {{name}}} replaced. */
    static String render(String query, WindowContext window) {
        return query.replace("{{revision}}", window.revision())
                .replace("{{namespace}}", window.namespace())
                .replace("{{name}}", window.modelDeployment());
    }

    CompletableFuture<Answer> run(PrometheusMetric spec, WindowContext window) {
        var query = render(spec.getQuery(), window);
        var base = spec.getAddress().endsWith("/")
                ? spec.getAddress().substring(0, spec.getAddress().length() - 1)
                : spec.getAddress();
        var uri = URI.create(base + "/api/v1/query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        var request = HttpRequest.newBuilder(uri)
                .timeout(Durations.parse(spec.getTimeout()))
                .header("Accept", "application/json")
                .GET()
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> answer(response.statusCode(), response.body()))
                .exceptionally(e -> new Answer(Double.NaN, "Prometheus query failed: " + Describe.failure(e), true));
    }

    static Answer answer(int status, String body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (Exception e) {
            return new Answer(Double.NaN, "Prometheus answered HTTP " + status + " with a body that is not JSON", true);
        }
        if (status != 200 || !"success".equals(root.path("status").asText())) {
            return new Answer(
                    Double.NaN,
                    "Prometheus answered HTTP " + status + ": "
                            + Describe.truncate(root.path("error").asText("no error message"), 300),
                    true);
        }
        var data = root.path("data");
        var result = data.path("result");
        return switch (data.path("resultType").asText()) {
            case "scalar" -> new Answer(number(result.path(1)), "scalar", false);
            case "vector" -> {
                if (result.size() == 0) {
                    yield new Answer(Double.NaN, "the query returned no series", false);
                }
                if (result.size() > 1) {
                    yield new Answer(
                            Double.NaN,
                            "the query returned " + result.size() + " series; aggregate it to one (sum, max, ...)",
                            true);
                }
                yield new Answer(number(result.get(0).path("value").path(1)), "1 series", false);
            }
            default ->
                new Answer(
                        Double.NaN,
                        "the query returned a " + data.path("resultType").asText()
                                + "; an instant vector or scalar is needed",
                        true);
        };
    }

    private static double number(JsonNode text) {
        try {
            return PrometheusText.value(text.asText());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
