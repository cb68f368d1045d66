package dev.gantry.constraints.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gantry.constraints.ConstraintException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * One JSON Schema document: its (sub)schemas by JSON pointer, parsed on demand into {@link
 * SchemaNode}s with stable ids, and local {@code $ref} resolution ({@code #}, {@code #/pointer},
 * {@code #anchor}, and the root's own {@code $id}). Remote references and embedded {@code $id}s are
 * refused.
 */
final class SchemaDocument {
    private final JsonNode root;
    private final String rootId;
    private final Map<String, SchemaNode> byPointer = new HashMap<>();
    private final Map<String, String> anchors = new HashMap<>();
    private final List<SchemaNode> nodes = new ArrayList<>();
    private final Map<String, SchemaNode> constants = new HashMap<>();

    SchemaDocument(JsonNode root) {
        this.root = root;
        String id = root.isObject() && root.has("$id") ? root.get("$id").asText() : null;
        this.rootId = id == null ? null : stripFragment(id);
        collectAnchors(root, "");
    }

    SchemaNode root() {
        return node("");
    }

    int size() {
        return nodes.size();
    }

    SchemaNode byId(int id) {
        return nodes.get(id);
    }

    /** The schema at {@code pointer} (which must exist). */
    SchemaNode node(String pointer) {
        SchemaNode n = byPointer.get(pointer);
        if (n == null) {
            JsonNode json = root.at(pointer);
            if (json.isMissingNode()) {
                throw new ConstraintException(
                        ConstraintException.Reason.INVALID, "no schema at " + display(pointer), pointer, "$ref");
            }
            n = new SchemaNode(this, nodes.size(), pointer, json);
            nodes.add(n);
            byPointer.put(pointer, n);
        }
        return n;
    }

    /** A synthetic schema {@code {"const": value}}, used for the members of enum objects and arrays. */
    SchemaNode constant(JsonNode value) {
        String key = value.toString();
        SchemaNode n = constants.get(key);
        if (n == null) {
            n = SchemaNode.constant(this, nodes.size(), value);
            nodes.add(n);
            constants.put(key, n);
        }
        return n;
    }

    /** Resolves a {@code $ref} found at {@code from}. */
    SchemaNode resolve(String ref, String from) {
        String r = ref;
        if (rootId != null && r.startsWith(rootId)) {
            r = r.substring(rootId.length());
        }
        if (r.isEmpty() || r.equals("#")) {
            return node("");
        }
        if (!r.startsWith("#")) {
            throw new ConstraintException(
                    ConstraintException.Reason.UNSUPPORTED,
                    "remote $ref '" + ref + "' at " + display(from)
                            + " is not supported (only references within the schema)",
                    from,
                    "$ref");
        }
        String fragment = URLDecoder.decode(r.substring(1), StandardCharsets.UTF_8);
        if (fragment.startsWith("/")) {
            return node(fragment);
        }
        String pointer = anchors.get(fragment);
        if (pointer == null) {
            throw new ConstraintException(
                    ConstraintException.Reason.INVALID,
                    "$ref '" + ref + "' at " + display(from) + " names no anchor in the schema",
                    from,
                    "$ref");
        }
        return node(pointer);
    }

    private void collectAnchors(JsonNode json, String pointer) {
        if (json.isObject()) {
            for (String keyword : new String[] {"$anchor", "$dynamicAnchor"}) {
                JsonNode anchor = json.get(keyword);
                if (anchor != null && anchor.isTextual()) {
                    anchors.putIfAbsent(anchor.asText(), pointer);
                }
            }
            Iterator<Map.Entry<String, JsonNode>> it = json.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!Keywords.NON_SCHEMA_VALUES.contains(e.getKey())) {
                    collectAnchors(e.getValue(), pointer + "/" + escape(e.getKey()));
                }
            }
        } else if (json.isArray()) {
            for (int i = 0; i < json.size(); i++) {
                collectAnchors(json.get(i), pointer + "/" + i);
            }
        }
    }

    private static String stripFragment(String id) {
        int hash = id.indexOf('#');
        return hash >= 0 ? id.substring(0, hash) : id;
    }

    static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    static String display(String pointer) {
        return pointer.isEmpty() ? "the schema root" : pointer;
    }
}
