package dev.gantry.operator.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.regex.Pattern;

/**
 * The part of kubectl's JSONPath that CRD printer columns use: field steps ({@code .status.ready}) and a filter on
 * one field ({@code .conditions[?(@.type=="Ready")]}), which takes the first match.
 */
final class JsonPath {

    private static final Pattern FILTER = Pattern.compile("\\[\\?\\(@\\.([A-Za-z0-9_]+)==\"([^\"]*)\"\\)\\]");
    private static final Pattern STEP = Pattern.compile("\\.([A-Za-z0-9_-]+)");

    private JsonPath() {}

    static JsonNode read(JsonNode root, String path) {
        var node = root;
        int at = 0;
        while (at < path.length() && !node.isMissingNode()) {
            var step = STEP.matcher(path).region(at, path.length());
            var filter = FILTER.matcher(path).region(at, path.length());
            if (step.lookingAt()) {
                node = node.path(step.group(1));
                at = step.end();
            } else if (filter.lookingAt()) {
                node = first(node, filter.group(1), filter.group(2));
                at = filter.end();
            } else {
                return MissingNode.getInstance();
            }
        }
        return node;
    }

    private static JsonNode first(JsonNode array, String field, String value) {
        for (var element : array) {
            if (value.equals(element.path(field).asText(null))) {
                return element;
            }
        }
        return MissingNode.getInstance();
    }
}
