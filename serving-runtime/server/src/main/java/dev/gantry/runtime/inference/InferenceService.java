package dev.gantry.runtime.inference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gantry.engine.InferenceEngine;
import dev.gantry.runtime.cache.ResponseCache;
import dev.gantry.runtime.http.Json;
import dev.gantry.runtime.metrics.RuntimeMetrics;
import io.vertx.core.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers an inference request: from the response cache when the request is deterministic and the
 * answer is stored, otherwise from the engine (storing the answer for next time).
 */
public final class InferenceService {
    private static final Logger LOG = LoggerFactory.getLogger(InferenceService.class);

    private final InferenceEngine engine;
    private final ResponseCache cache;
    private final boolean cacheEnabled;
    private final RuntimeMetrics metrics;
    private final String revision;
    private final String model;

    public InferenceService(
            InferenceEngine engine,
            ResponseCache cache,
            boolean cacheEnabled,
            RuntimeMetrics metrics,
            String revision,
            String model) {
        this.engine = engine;
        this.cache = cache;
        this.cacheEnabled = cacheEnabled;
        this.metrics = metrics;
        this.revision = revision;
        this.model = model;
    }

    /**
     * Runs {@code request} into {@code sink} on {@code context}; {@code onClientGone} receives the action
     * that cancels the generation when the client disconnects.
     */
    public void execute(
            InferenceRequest request,
            OutputSink sink,
            Context context,
            long startNanos,
            Consumer<Runnable> onClientGone) {
        if (!cacheEnabled || !request.deterministic()) {
            generate(request, sink, context, startNanos, onClientGone, null);
            return;
        }
        String key = request.cacheKey(revision, model);
        cache.get(key).onComplete(lookup -> {
            Optional<Cached> hit = lookup.succeeded() ? lookup.result().flatMap(this::parse) : Optional.empty();
            if (hit.isPresent() && hit.get().choices().size() == request.choiceCount()) {
                replay(hit.get(), sink);
            } else {
                generate(request, sink, context, startNanos, onClientGone, key);
            }
        });
    }

    private void generate(
            InferenceRequest request,
            OutputSink sink,
            Context context,
            long startNanos,
            Consumer<Runnable> onClientGone,
            String cacheKey) {
        InferenceRun run = new InferenceRun(engine, request, sink, context, metrics, startNanos, (choices, usage) -> {
            if (cacheKey != null) {
                cache.put(cacheKey, stored(choices, usage));
            }
        });
        onClientGone.accept(run::cancel);
        if (cacheKey != null) {
            run.cacheMiss();
        }
        run.start();
    }

    private static String stored(List<OutputSink.ChoiceResult> choices, OutputSink.Usage usage) {
        ObjectNode node = Json.object();
        ArrayNode array = node.putArray("choices");
        for (OutputSink.ChoiceResult choice : choices) {
            array.addObject().put("text", choice.text()).put("finish_reason", choice.finishReason());
        }
        node.put("prompt_tokens", usage.promptTokens()).put("completion_tokens", usage.completionTokens());
        return Json.write(node);
    }

    /** A stored answer. */
    private record Cached(List<OutputSink.ChoiceResult> choices, OutputSink.Usage usage) {}

    private Optional<Cached> parse(String stored) {
        try {
            JsonNode node = Json.MAPPER.readTree(stored);
            List<OutputSink.ChoiceResult> choices = new ArrayList<>();
            for (JsonNode choice : node.path("choices")) {
                choices.add(new OutputSink.ChoiceResult(
                        choices.size(),
                        choice.path("text").asText(),
                        choice.path("finish_reason").asText("stop")));
            }
            OutputSink.Usage usage = new OutputSink.Usage(
                    node.path("prompt_tokens").asInt(),
                    node.path("completion_tokens").asInt());
            return Optional.of(new Cached(choices, usage));
        } catch (Exception e) {
            LOG.warn("ignoring an unreadable response-cache entry: {}", e.getMessage());
            return Optional.empty();
        }
    }

    private static void replay(Cached cached, OutputSink sink) {
        sink.start(OutputSink.CacheStatus.HIT);
        for (OutputSink.ChoiceResult choice : cached.choices()) {
            if (!choice.text().isEmpty()) {
                sink.delta(choice.index(), choice.text());
            }
            sink.finish(choice.index(), choice.finishReason());
        }
        sink.complete(cached.choices(), cached.usage());
    }
}
