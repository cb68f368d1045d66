package dev.gantry.runtime.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gantry.runtime.http.ApiException;
import dev.gantry.runtime.inference.Fields;

/** {@code stream_options}: whether a stream ends with a usage event. */
final class OpenAiStreams {
    private OpenAiStreams() {}

    static boolean includeUsage(Fields f, boolean stream) {
        if (!f.has("stream_options")) {
            return false;
        }
        JsonNode options = f.node("stream_options");
        if (!options.isObject()) {
            throw ApiException.invalid("stream_options", "stream_options must be an object");
        }
        if (!stream) {
            throw ApiException.invalid("stream_options", "stream_options is only allowed when stream is true");
        }
        JsonNode include = options.get("include_usage");
        if (include != null && !include.isNull() && !include.isBoolean()) {
            throw ApiException.invalid("stream_options.include_usage", "include_usage must be true or false");
        }
        return include != null && include.asBoolean(false);
    }
}
