package dev.gantry.runtime.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gantry.runtime.inference.OutputSink;
import java.util.List;

/** An endpoint's JSON format: whole responses, stream events, and the optional usage event. */
public interface ResponseShape {
    String idPrefix();

    ObjectNode full(String id, long created, List<OutputSink.ChoiceResult> choices, OutputSink.Usage usage);

    /** The event that opens a choice's stream, or null when the format has none. */
    ObjectNode opening(String id, long created, int choice);

    ObjectNode delta(String id, long created, int choice, String text);

    ObjectNode finish(String id, long created, int choice, String finishReason);

    /** The closing usage event (only sent when asked for), or null when the format has none. */
    ObjectNode usage(String id, long created, OutputSink.Usage usage);
}
