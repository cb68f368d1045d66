package dev.gantry.runtime.inference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gantry.runtime.http.ApiException;
import java.util.ArrayList;
import java.util.List;

/** Typed access to request fields; a wrong type or range is a 400 that names the field. */
public final class Fields {
    private final ObjectNode body;

    public Fields(ObjectNode body) {
        this.body = body;
    }

    public ObjectNode body() {
        return body;
    }

    public boolean has(String name) {
        JsonNode node = body.get(name);
        return node != null && !node.isNull();
    }

    public JsonNode node(String name) {
        return body.get(name);
    }

    public Integer integer(String name, long min, long max) {
        if (!has(name)) {
            return null;
        }
        JsonNode node = body.get(name);
        if (!node.isIntegralNumber() && !(node.isNumber() && node.asDouble() == Math.rint(node.asDouble()))) {
            throw ApiException.invalid(name, name + " must be an integer");
        }
        long value = node.asLong();
        if (value < min || value > max) {
            throw ApiException.invalid(name, name + " must be between " + min + " and " + max + ", got " + value);
        }
        return (int) value;
    }

    public Long longValue(String name) {
        if (!has(name)) {
            return null;
        }
        JsonNode node = body.get(name);
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw ApiException.invalid(name, name + " must be an integer");
        }
        return node.asLong();
    }

    public Double number(String name, double min, double max) {
        if (!has(name)) {
            return null;
        }
        JsonNode node = body.get(name);
        if (!node.isNumber()) {
            throw ApiException.invalid(name, name + " must be a number");
        }
        double value = node.asDouble();
        if (!(value >= min && value <= max)) {
            throw ApiException.invalid(name, name + " must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }

    public boolean bool(String name, boolean fallback) {
        if (!has(name)) {
            return fallback;
        }
        JsonNode node = body.get(name);
        if (!node.isBoolean()) {
            throw ApiException.invalid(name, name + " must be true or false");
        }
        return node.asBoolean();
    }

    public String string(String name) {
        if (!has(name)) {
            return null;
        }
        JsonNode node = body.get(name);
        if (!node.isTextual()) {
            throw ApiException.invalid(name, name + " must be a string");
        }
        return node.asText();
    }

    /** A string or a list of up to {@code max} strings, as {@code stop} is. */
    public List<String> stringOrList(String name, int max) {
        List<String> values = new ArrayList<>();
        if (!has(name)) {
            return values;
        }
        JsonNode node = body.get(name);
        if (node.isTextual()) {
            values.add(node.asText());
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                if (!item.isTextual()) {
                    throw ApiException.invalid(name, name + " must be a string or a list of strings");
                }
                values.add(item.asText());
            }
        } else {
            throw ApiException.invalid(name, name + " must be a string or a list of strings");
        }
        if (values.size() > max) {
            throw ApiException.invalid(name, name + " takes at most " + max + " strings");
        }
        if (values.stream().anyMatch(String::isEmpty)) {
            throw ApiException.invalid(name, name + " must not contain empty strings");
        }
        return values;
    }

    /** Refuses a field this server does not implement, rather than silently ignoring it. */
    public void unsupported(String name, String why) {
        if (has(name)) {
            JsonNode node = body.get(name);
            boolean harmless = (node.isBoolean() && !node.asBoolean())
                    || (node.isNumber() && node.asInt() <= 1 && name.equals("best_of"))
                    || (node.isObject() && node.isEmpty())
                    || (node.isArray() && node.isEmpty());
            if (!harmless) {
                throw ApiException.invalid(
                        name, name + " is not supported by this server" + (why == null ? "" : ": " + why));
            }
        }
    }
}
