package dev.gantry.operator.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The core {@code v1} view of Events, as a real API server serves {@code events.k8s.io/v1} Events under
 * {@code /api/v1}: {@code regarding} becomes {@code involvedObject}, {@code note} the message, the reporting
 * controller the source, and {@code involvedObject.*} field selectors filter them, so that
 * {@code kubectl describe} shows the operator's Events.
 */
final class CoreEvents {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private CoreEvents() {}

    static JsonNode list(JsonNode stored, String query) {
        var selector = fieldSelector(query);
        var list = JSON.objectNode().put("kind", "EventList").put("apiVersion", "v1");
        list.putObject("metadata");
        var items = list.putArray("items");
        for (var event : stored.path("items")) {
            var core = event.has("involvedObject") ? (ObjectNode) event.deepCopy() : toCore(event);
            if (matches(core, selector)) {
                items.add(core);
            }
        }
        return list;
    }

    private static ObjectNode toCore(JsonNode event) {
        var core = JSON.objectNode().put("kind", "Event").put("apiVersion", "v1");
        core.set("metadata", event.path("metadata").deepCopy());
        core.set("involvedObject", event.path("regarding").deepCopy());
        core.put("reason", event.path("reason").asText(""));
        core.put("message", event.path("note").asText(""));
        core.put("type", event.path("type").asText("Normal"));
        var time = event.path("eventTime")
                .asText(event.path("metadata").path("creationTimestamp").asText(""));
        core.put("firstTimestamp", time);
        core.put("lastTimestamp", time);
        core.put("count", event.path("deprecatedCount").asInt(1));
        core.putObject("source")
                .put("component", event.path("reportingController").asText(""));
        core.put("reportingComponent", event.path("reportingController").asText(""));
        core.put("reportingInstance", event.path("reportingInstance").asText(""));
        return core;
    }

    private static boolean matches(JsonNode event, Map<String, String> selector) {
        for (var entry : selector.entrySet()) {
            var path = entry.getKey().split("\\.");
            JsonNode value = event;
            for (var step : path) {
                value = value.path(step);
            }
            if (!entry.getValue().equals(value.asText(""))) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, String> fieldSelector(String query) {
        var selector = new HashMap<String, String>();
        if (query == null) {
            return selector;
        }
        for (var pair : query.split("&")) {
            var parts = pair.split("=", 2);
            if (parts.length == 2 && parts[0].equals("fieldSelector")) {
                for (var term :
                        URLDecoder.decode(parts[1], StandardCharsets.UTF_8).split(",")) {
                    var kv = term.split("=", 2);
                    if (kv.length == 2 && kv[0].startsWith("involvedObject.")) {
                        selector.put(kv[0], kv[1]);
                    }
                }
            }
        }
        return selector;
    }
}
