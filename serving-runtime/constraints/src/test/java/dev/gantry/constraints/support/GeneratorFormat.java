package dev.gantry.constraints.support;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gantry.constraints.json.JsonStrings;
import dev.gantry.constraints.json.NumberLanguages;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Serialises a JSON instance the way the constrained generator writes JSON: compact, canonical
 * numbers (integers without fraction, no exponent), the generator's string escapes, and object
 * properties in the order the schema declares them (names from {@code properties} first, then from
 * {@code required}, in document order; other names after, as in the instance).
 */
public final class GeneratorFormat {
    private final Map<String, Integer> order = new LinkedHashMap<>();

    public GeneratorFormat(JsonNode schema) {
        collect(schema, "properties");
        collect(schema, "required");
        collect(schema, null);
    }

    private void collect(JsonNode node, String pass) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if ("properties".equals(pass)
                        && e.getKey().equals("properties")
                        && e.getValue().isObject()) {
                    e.getValue().fieldNames().forEachRemaining(this::note);
                }
                if ("required".equals(pass)
                        && e.getKey().equals("required")
                        && e.getValue().isArray()) {
                    e.getValue().forEach(x -> note(x.asText()));
                }
                if (pass == null) {
                    note(e.getKey());
                }
                collect(e.getValue(), pass);
            }
        } else if (node.isArray()) {
            node.forEach(x -> collect(x, pass));
        }
    }

    private void note(String name) {
        order.putIfAbsent(name, order.size());
    }

    public String write(JsonNode value) {
        StringBuilder sb = new StringBuilder();
        write(value, sb);
        return sb.toString();
    }

    private void write(JsonNode v, StringBuilder sb) {
        if (v.isNull() || v.isBoolean()) {
            sb.append(v.asText());
        } else if (v.isNumber()) {
            sb.append(NumberLanguages.canonical(v.decimalValue()));
        } else if (v.isTextual()) {
            sb.append(JsonStrings.encode(v.asText()));
        } else if (v.isArray()) {
            sb.append('[');
            for (int i = 0; i < v.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                write(v.get(i), sb);
            }
            sb.append(']');
        } else {
            List<String> names = new ArrayList<>();
            v.fieldNames().forEachRemaining(names::add);
            names.sort((a, b) -> Integer.compare(
                    order.getOrDefault(a, Integer.MAX_VALUE), order.getOrDefault(b, Integer.MAX_VALUE)));
            sb.append('{');
            for (int i = 0; i < names.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                sb.append(JsonStrings.encode(names.get(i))).append(':');
                write(v.get(names.get(i)), sb);
            }
            sb.append('}');
        }
    }
}
