package dev.gantry.constraints.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gantry.constraints.ConstraintException;
import java.util.Iterator;

/**
 * One schema location: its JSON, its JSON pointer, and a stable id. Checks on creation that every
 * keyword is known and enforced (or a pure annotation), so an unsupported keyword is never silently
 * ignored: the error names the keyword and its pointer.
 */
final class SchemaNode {
    private static final java.util.Set<String> KNOWN_DIALECTS = java.util.Set.of(
            "https://json-schema.org/draft/2020-12/schema",
            "https://json-schema.org/draft/2020-12/schema#",
            "https://json-schema.org/draft/2019-09/schema",
            "https://json-schema.org/draft/2019-09/schema#",
            "http://json-schema.org/draft-07/schema",
            "http://json-schema.org/draft-07/schema#");

    final SchemaDocument doc;
    final int id;
    final String pointer;
    final JsonNode json;

    SchemaNode(SchemaDocument doc, int id, String pointer, JsonNode json) {
        this.doc = doc;
        this.id = id;
        this.pointer = pointer;
        this.json = json;
        validateKeywords();
    }

    static SchemaNode constant(SchemaDocument doc, int id, JsonNode value) {
        ObjectNode schema = JsonNodeFactory.instance.objectNode();
        schema.set("const", value);
        return new SchemaNode(doc, id, "(const " + abbreviate(value) + ")", schema);
    }

    private static String abbreviate(JsonNode value) {
        String s = value.toString();
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    private void validateKeywords() {
        if (json.isBoolean()) {
            return;
        }
        if (!json.isObject()) {
            throw error(null, "a schema must be an object or a boolean, found " + json.getNodeType());
        }
        Iterator<String> names = json.fieldNames();
        while (names.hasNext()) {
            String k = names.next();
            if (Keywords.ENFORCED.contains(k) || Keywords.ANNOTATIONS.contains(k)) {
                if (k.equals("$id") && !pointer.isEmpty()) {
                    throw unsupported(k, "$id inside a subschema (a new base URI) is not supported");
                }
                if (k.equals("$schema") && !KNOWN_DIALECTS.contains(json.get(k).asText())) {
                    throw unsupported(
                            k,
                            "unknown meta-schema '" + json.get(k).asText()
                                    + "' (supported: draft 2020-12, 2019-09 and 7, read with 2020-12 semantics)");
                }
                continue;
            }
            String why = Keywords.REFUSED.get(k);
            if (why != null) {
                throw unsupported(k, why);
            }
            throw unsupported(k, "unknown keyword '" + k + "'");
        }
    }

    boolean isBoolean() {
        return json.isBoolean();
    }

    boolean has(String keyword) {
        return json.has(keyword);
    }

    JsonNode get(String keyword) {
        return json.get(keyword);
    }

    String at(String keyword) {
        return pointer + "/" + SchemaDocument.escape(keyword);
    }

    SchemaNode child(String keyword) {
        return doc.node(at(keyword));
    }

    SchemaNode child(String keyword, String key) {
        return doc.node(at(keyword) + "/" + SchemaDocument.escape(key));
    }

    SchemaNode child(String keyword, int index) {
        return doc.node(at(keyword) + "/" + index);
    }

    ConstraintException error(String keyword, String message) {
        String where = keyword == null ? pointer : at(keyword);
        return new ConstraintException(
                ConstraintException.Reason.INVALID,
                message + " (at " + SchemaDocument.display(where) + ")",
                where,
                keyword);
    }

    ConstraintException unsupported(String keyword, String message) {
        String where = keyword == null ? pointer : at(keyword);
        return new ConstraintException(
                ConstraintException.Reason.UNSUPPORTED,
                message + " (at " + SchemaDocument.display(where) + ")",
                where,
                keyword);
    }

    @Override
    public String toString() {
        return "#" + pointer;
    }
}
