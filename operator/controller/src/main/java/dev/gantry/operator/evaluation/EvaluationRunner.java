package dev.gantry.operator.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gantry.api.v1alpha1.rollout.EvaluationPrompt;
import dev.gantry.api.v1alpha1.rollout.EvaluationSpec;
import dev.gantry.operator.render.Durations;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Sends every evaluation prompt at once, greedily, to a revision's Service (through
 * {@code gantry.evaluation.service-url}), and checks each output. A prompt without a constraint goes to
 * {@code /v1/completions}; one with a constraint to {@code /generate}, the endpoint that carries every kind.
 */
public final class EvaluationRunner {

    /** Placeholders of {@code gantry.evaluation.service-url}. */
    public static final Set<String> PLACEHOLDERS = Set.of("service", "namespace", "port");

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Where and how to ask.
     *
     * @param apiKey a key for the model's API, when it requires one
     */
    public record Target(String namespace, String service, int port, String model, Optional<String> apiKey) {}

    private final HttpClient http;
    private final dev.gantry.operator.analysis.UrlTemplate serviceUrl;

    public EvaluationRunner(HttpClient http, String serviceUrlTemplate) {
        this.http = http;
        this.serviceUrl = new dev.gantry.operator.analysis.UrlTemplate(serviceUrlTemplate, PLACEHOLDERS);
    }

    public EvaluationReport run(EvaluationSpec spec, Target target) {
        var base = serviceUrl.expand(Map.of(
                "service", target.service(), "namespace", target.namespace(), "port", String.valueOf(target.port())));
        var timeout = Durations.parse(spec.getTimeout());
        var calls = new ArrayList<CompletableFuture<EvaluationReport.PromptOutcome>>();
        for (var prompt : spec.getPrompts()) {
            calls.add(ask(base, prompt, target, timeout));
        }
        return new EvaluationReport(calls.stream().map(CompletableFuture::join).toList());
    }

    private CompletableFuture<EvaluationReport.PromptOutcome> ask(
            URI base, EvaluationPrompt prompt, Target target, Duration timeout) {
        boolean constrained = prompt.getConstraint() != null;
        var path = constrained ? "/generate" : "/v1/completions";
        var uri = URI.create(base.toString().replaceAll("/+$", "") + path);
        var builder = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        body(prompt, target.model()).toString()));
        target.apiKey().ifPresent(key -> builder.header("Authorization", "Bearer " + key));
        return http.sendAsync(builder.build(), HttpResponse.BodyHandlers.ofString())
                .thenApply(response -> judge(prompt, constrained, response.statusCode(), response.body()))
                .exceptionally(e -> unreachable(prompt, e));
    }

    static ObjectNode body(EvaluationPrompt prompt, String model) {
        var body = JSON.createObjectNode();
        int maxTokens = prompt.getMaxTokens() == null ? 64 : prompt.getMaxTokens();
        if (prompt.getConstraint() == null) {
            if (model != null) {
                body.put("model", model);
            }
            body.put("prompt", prompt.getPrompt()).put("max_tokens", maxTokens).put("temperature", 0);
            return body;
        }
        body.put("prompt", prompt.getPrompt());
        var constraint = body.putObject("constraint");
        var spec = prompt.getConstraint();
        if (spec.getChoice() != null) {
            constraint.put("type", "choice");
            spec.getChoice().forEach(constraint.putArray("choices")::add);
        } else if (spec.getRegex() != null) {
            constraint.put("type", "regex").put("pattern", spec.getRegex());
        } else {
            constraint.put("type", "json").set("schema", spec.getJsonSchema());
        }
        body.putObject("parameters").put("max_tokens", maxTokens).put("temperature", 0);
        return body;
    }

    static EvaluationReport.PromptOutcome judge(EvaluationPrompt prompt, boolean constrained, int status, String body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (Exception e) {
            root = JSON.createObjectNode();
        }
        if (status != 200) {
            var error =
                    root.path("error").path("message").asText(root.path("error").asText(""));
            return new EvaluationReport.PromptOutcome(
                    prompt.getName(), false, false, "HTTP " + status + (error.isBlank() ? "" : ": " + error));
        }
        var text =
                constrained ? root.path("text") : root.path("choices").path(0).path("text");
        if (!text.isTextual()) {
            return new EvaluationReport.PromptOutcome(prompt.getName(), false, false, "the answer has no output text");
        }
        var problem = OutputCheck.problem(prompt.getConstraint(), prompt.getExpect(), text.asText());
        return new EvaluationReport.PromptOutcome(prompt.getName(), problem.isEmpty(), false, problem.orElse("passed"));
    }

    private static EvaluationReport.PromptOutcome unreachable(EvaluationPrompt prompt, Throwable error) {
        var cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        var why = cause instanceof HttpTimeoutException
                ? "timed out"
                : cause instanceof ConnectException ? "connection refused" : String.valueOf(cause.getMessage());
        return new EvaluationReport.PromptOutcome(prompt.getName(), false, true, "not answered: " + why);
    }
}
