package dev.gantry.runtime.http;

import dev.gantry.runtime.inference.OutputSink;
import io.vertx.core.http.HttpServerResponse;
import java.util.List;
import java.util.UUID;

/**
 * Writes an inference's output to the HTTP response in an endpoint's {@link ResponseShape}: one JSON
 * document, or server-sent events ending with {@code data: [DONE]}. Headers go out only when the first
 * sequence starts, so a request refused while queued still gets a proper status code.
 */
public final class ResponseWriter implements OutputSink {
    public static final String STREAM_FAILED = "gantry.streamFailed";

    private final HttpServerResponse response;
    private final ResponseShape shape;
    private final boolean stream;
    private final boolean includeUsage;
    private final int choices;
    private final Runnable onStreamFailure;
    private final String id;
    private final long created = System.currentTimeMillis() / 1000;

    public ResponseWriter(
            HttpServerResponse response,
            ResponseShape shape,
            boolean stream,
            boolean includeUsage,
            int choices,
            Runnable onStreamFailure) {
        this.response = response;
        this.shape = shape;
        this.stream = stream;
        this.includeUsage = includeUsage;
        this.choices = choices;
        this.onStreamFailure = onStreamFailure;
        this.id = shape.idPrefix() + UUID.randomUUID().toString().replace("-", "");
    }

    private boolean gone() {
        return response.ended() || response.closed();
    }

    @Override
    public void start(CacheStatus cache) {
        if (gone() || response.headWritten()) {
            return;
        }
        if (cache != CacheStatus.NONE) {
            response.putHeader("X-Gantry-Cache", cache == CacheStatus.HIT ? "hit" : "miss");
        }
        if (!stream) {
            return;
        }
        response.setStatusCode(200)
                .setChunked(true)
                .putHeader("Content-Type", "text/event-stream; charset=utf-8")
                .putHeader("Cache-Control", "no-cache")
                .putHeader("X-Accel-Buffering", "no");
        for (int choice = 0; choice < choices; choice++) {
            event(shape.opening(id, created, choice));
        }
    }

    @Override
    public void delta(int choice, String text) {
        if (stream) {
            event(shape.delta(id, created, choice, text));
        }
    }

    @Override
    public void finish(int choice, String finishReason) {
        if (stream) {
            event(shape.finish(id, created, choice, finishReason));
        }
    }

    @Override
    public void complete(List<ChoiceResult> results, Usage usage) {
        if (gone()) {
            return;
        }
        if (!stream) {
            response.putHeader("Content-Type", "application/json")
                    .end(Json.write(shape.full(id, created, results, usage)));
            return;
        }
        if (includeUsage) {
            event(shape.usage(id, created, usage));
        }
        response.end("data: [DONE]\n\n");
    }

    @Override
    public void fail(ApiException error) {
        if (stream && response.headWritten()) {
            onStreamFailure.run();
        }
        ErrorResponses.send(response, error);
    }

    private void event(Object payload) {
        if (payload != null && !gone()) {
            response.write("data: " + Json.write(payload) + "\n\n");
        }
    }
}
