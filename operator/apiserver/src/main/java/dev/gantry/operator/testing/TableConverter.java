package dev.gantry.operator.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Server-side printing for {@code kubectl get}: answers {@code Accept: ...;as=Table} with a {@code meta.k8s.io/v1}
 * Table, with a CRD's printer columns (READY, PHASE, WEIGHT ...) or the usual columns of pods, Deployments and
 * Services; other kinds get NAME and AGE.
 */
final class TableConverter {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** One column: its definition and how a cell is computed from an object. */
    record Column(String name, String type, int priority, Function<JsonNode, Object> cell) {}

    private final Clock clock;

    TableConverter(Clock clock) {
        this.clock = clock;
    }

    static boolean wanted(String accept) {
        return accept != null && accept.contains("as=Table");
    }

    /** The Table for a list or single object of the given resource, with these CRD printer columns if any. */
    JsonNode convert(JsonNode body, String plural, Optional<JsonNode> printerColumns) {
        var columns = columns(plural, printerColumns);
        var table = JSON.objectNode().put("kind", "Table").put("apiVersion", "meta.k8s.io/v1");
        table.putObject("metadata")
                .put(
                        "resourceVersion",
                        body.path("metadata").path("resourceVersion").asText(""));
        var definitions = table.putArray("columnDefinitions");
        for (var column : columns) {
            definitions
                    .addObject()
                    .put("name", column.name())
                    .put("type", column.type())
                    .put("format", column.name().equals("Name") ? "name" : "")
                    .put("description", "")
                    .put("priority", column.priority());
        }
        var rows = table.putArray("rows");
        var items = body.has("items") ? body.get("items") : JSON.arrayNode().add(body);
        for (var item : items) {
            var row = rows.addObject();
            var cells = row.putArray("cells");
            columns.forEach(column -> add(cells, column.cell().apply(item)));
            var object =
                    row.putObject("object").put("kind", "PartialObjectMetadata").put("apiVersion", "meta.k8s.io/v1");
            object.set("metadata", item.path("metadata").deepCopy());
        }
        return table;
    }

    private List<Column> columns(String plural, Optional<JsonNode> printerColumns) {
        var columns = new ArrayList<Column>();
        columns.add(new Column(
                "Name", "string", 0, o -> o.path("metadata").path("name").asText()));
        if (printerColumns.isPresent() && !printerColumns.get().isEmpty()) {
            for (var definition : printerColumns.get()) {
                var path = definition.path("jsonPath").asText();
                var type = definition.path("type").asText("string");
                columns.add(new Column(
                        definition.path("name").asText(),
                        type,
                        definition.path("priority").asInt(0),
                        o -> cell(JsonPath.read(o, path), type)));
            }
            return columns;
        }
        columns.addAll(BuiltInColumns.of(plural));
        columns.add(new Column("Age", "string", 0, o -> age(o.path("metadata").path("creationTimestamp"))));
        return columns;
    }

    private Object cell(JsonNode value, String type) {
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (type.equals("date")) {
            return age(value);
        }
        return value.isNumber() ? value.numberValue() : value.isBoolean() ? value.asBoolean() : value.asText();
    }

    private String age(JsonNode timestamp) {
        if (!timestamp.isTextual()) {
            return "<unknown>";
        }
        try {
            return human(Duration.between(Instant.parse(timestamp.asText()), clock.instant()));
        } catch (RuntimeException e) {
            return "<unknown>";
        }
    }

    /** As Kubernetes' {@code duration.HumanDuration}, to the precision kubectl shows. */
    static String human(Duration duration) {
        long seconds = Math.max(0, duration.getSeconds());
        if (seconds < 120) {
            return seconds + "s";
        }
        long minutes = seconds / 60;
        if (minutes < 10) {
            return seconds % 60 == 0 ? minutes + "m" : minutes + "m" + seconds % 60 + "s";
        }
        if (minutes < 180) {
            return minutes + "m";
        }
        long hours = minutes / 60;
        if (hours < 8) {
            return minutes % 60 == 0 ? hours + "h" : hours + "h" + minutes % 60 + "m";
        }
        if (hours < 48) {
            return hours + "h";
        }
        return hours / 24 + "d";
    }

    private static void add(ArrayNode cells, Object value) {
        if (value == null) {
            cells.addNull();
        } else if (value instanceof Number number) {
            cells.add(
                    number.longValue() == number.doubleValue()
                            ? JSON.numberNode(number.longValue())
                            : JSON.numberNode(number.doubleValue()));
        } else if (value instanceof Boolean bool) {
            cells.add(bool);
        } else {
            cells.add(value.toString());
        }
    }
}
