package dev.gantry.operator.render;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.TreeMap;

/** Revision hashes and the canonical JSON snapshots they are computed from. */
public final class Revisions {

    public static final int HASH_LENGTH = 10;
    /** Annotation on a revision's Deployment and ConfigMap holding its {@link RevisionSpec} snapshot. */
    public static final String SNAPSHOT_ANNOTATION = "gantry.dev/revision-spec";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private Revisions() {}

    /** The revision of a snapshot: the first ten hex digits of the SHA-256 of its canonical JSON. */
    public static String hash(RevisionSpec spec) {
        return sha256Hex(canonicalJson(spec)).substring(0, HASH_LENGTH);
    }

    /** JSON with object keys sorted at every level, so equal snapshots give equal text. */
    public static String canonicalJson(Object value) {
        try {
            return MAPPER.writeValueAsString(sorted(MAPPER.valueToTree(value)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    /** Reads a snapshot back, if the text is one and still hashes to the expected revision. */
    public static Optional<RevisionSpec> fromSnapshot(String json, String expectedRevision) {
        if (json == null || json.isBlank()) {
            return Optional.empty();
        }
        try {
            var spec = MAPPER.readValue(json, RevisionSpec.class);
            return hash(spec).equals(expectedRevision) ? Optional.of(spec) : Optional.empty();
        } catch (JsonProcessingException | RuntimeException e) {
            return Optional.empty();
        }
    }

    public static <T> T copy(T value, Class<T> type) {
        return value == null ? null : MAPPER.convertValue(value, type);
    }

    public static String sha256Hex(String text) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            var fields = new TreeMap<String, JsonNode>();
            node.fields().forEachRemaining(e -> fields.put(e.getKey(), sorted(e.getValue())));
            ObjectNode result = JsonNodeFactory.instance.objectNode();
            fields.forEach(result::set);
            return result;
        }
        if (node.isArray()) {
            var result = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> result.add(sorted(element)));
            return result;
        }
        return node;
    }
}
