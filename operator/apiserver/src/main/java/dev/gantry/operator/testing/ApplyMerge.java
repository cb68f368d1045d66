package dev.gantry.operator.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The part of server-side apply the operator relies on, for the mock API server: an applied configuration is
 * merged into the live object (maps by key, lists of objects with a {@code name} by name, other lists
 * replaced whole), and what a field manager applied before but omits now is removed, unless another field
 * manager's applied configuration still holds it. Not emulated: conflicts between managers (every apply is
 * forced), fields owned through Update operations, and list-type annotations other than by {@code name}.
 */
final class ApplyMerge {

    private static final String KEY = "name";

    private ApplyMerge() {}

    /**
     * @param live the live object, changed in place
     * @param previous what this manager applied last time, or {@code null}
     * @param applied what this manager applies now
     * @param others what the other apply managers applied last
     */
    static void apply(ObjectNode live, JsonNode previous, JsonNode applied, List<JsonNode> others) {
        if (previous != null && previous.isObject()) {
            removeOmitted((ObjectNode) live, previous, applied, others);
        }
        merge(live, applied);
    }

    private static void removeOmitted(ObjectNode live, JsonNode previous, JsonNode applied, List<JsonNode> others) {
        var fields = previous.fieldNames();
        while (fields.hasNext()) {
            var field = fields.next();
            var before = previous.get(field);
            var now = applied == null ? null : applied.get(field);
            var othersHere = children(others, field);
            var current = live.get(field);
            if (now == null || now.isNull()) {
                if (othersHere.isEmpty()) {
                    live.remove(field);
                } else if (current != null && current.isObject() && before.isObject()) {
                    removeOmitted((ObjectNode) current, before, null, othersHere);
                }
            } else if (before.isObject() && now.isObject() && current != null && current.isObject()) {
                removeOmitted((ObjectNode) current, before, now, othersHere);
            } else if (keyed(before) && keyed(now) && current != null && current.isArray()) {
                removeOmittedElements((ArrayNode) current, before, now, othersHere);
            }
        }
    }

    private static void removeOmittedElements(ArrayNode live, JsonNode before, JsonNode now, List<JsonNode> others) {
        for (var element : before) {
            var name = element.path(KEY).asText();
            var stillApplied = find(now, name);
            var othersElement = new ArrayList<JsonNode>();
            others.forEach(o -> {
                var e = find(o, name);
                if (e != null) {
                    othersElement.add(e);
                }
            });
            int index = indexOf(live, name);
            if (index < 0) {
                continue;
            }
            if (stillApplied == null && othersElement.isEmpty()) {
                live.remove(index);
            } else if (live.get(index).isObject()) {
                removeOmitted((ObjectNode) live.get(index), element, stillApplied, othersElement);
            }
        }
    }

    private static void merge(ObjectNode live, JsonNode applied) {
        var fields = applied.fields();
        while (fields.hasNext()) {
            var field = fields.next();
            var value = field.getValue();
            var current = live.get(field.getKey());
            if (value.isObject() && current != null && current.isObject()) {
                merge((ObjectNode) current, value);
            } else if (keyed(value) && current != null && current.isArray()) {
                mergeElements((ArrayNode) current, value);
            } else {
                live.set(field.getKey(), value.deepCopy());
            }
        }
    }

    private static void mergeElements(ArrayNode live, JsonNode applied) {
        for (var element : applied) {
            int index = indexOf(live, element.path(KEY).asText());
            if (index < 0) {
                live.add(element.deepCopy());
            } else if (live.get(index).isObject()) {
                merge((ObjectNode) live.get(index), element);
            }
        }
    }

    /** The {@code metadata.managedFields} set of an applied configuration, in FieldsV1 form. */
    static ObjectNode fieldsV1(JsonNode applied) {
        var result = JsonNodeFactory.instance.objectNode();
        Iterator<String> names = applied.fieldNames();
        while (names.hasNext()) {
            var name = names.next();
            var value = applied.get(name);
            if (value.isObject()) {
                result.set("f:" + name, fieldsV1(value));
            } else if (keyed(value)) {
                var elements = JsonNodeFactory.instance.objectNode();
                value.forEach(e -> elements.set("k:{\"name\":\"" + e.path(KEY).asText() + "\"}", fieldsV1(e)));
                result.set("f:" + name, elements);
            } else {
                result.set("f:" + name, JsonNodeFactory.instance.objectNode());
            }
        }
        return result;
    }

    private static List<JsonNode> children(List<JsonNode> nodes, String field) {
        var result = new ArrayList<JsonNode>();
        for (var node : nodes) {
            if (node != null && node.has(field) && !node.get(field).isNull()) {
                result.add(node.get(field));
            }
        }
        return result;
    }

    private static boolean keyed(JsonNode node) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            return false;
        }
        for (var element : node) {
            if (!element.isObject() || !element.hasNonNull(KEY)) {
                return false;
            }
        }
        return true;
    }

    private static JsonNode find(JsonNode array, String name) {
        if (array == null || !array.isArray()) {
            return null;
        }
        for (var element : array) {
            if (name.equals(element.path(KEY).asText())) {
                return element;
            }
        }
        return null;
    }

    private static int indexOf(ArrayNode array, String name) {
        for (int i = 0; i < array.size(); i++) {
            if (name.equals(array.get(i).path(KEY).asText())) {
                return i;
            }
        }
        return -1;
    }
}
