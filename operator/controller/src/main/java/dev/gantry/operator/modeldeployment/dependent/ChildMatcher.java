package dev.gantry.operator.modeldeployment.dependent;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether an actual child already holds every field the operator applies, with the values it applies. Fields
 * that others set (the API server's defaults, an HPA's replicas, another tool's annotations) are ignored, as
 * server-side apply ignores them; what the operator stopped applying is caught by the applied-hash annotation,
 * which changes whenever the desired object does.
 */
public final class ChildMatcher {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final Pattern QUANTITY = Pattern.compile("^[+-]?[0-9.]+([eE][+-]?[0-9]+)?[a-zA-Z]{0,2}$");
    /** List keys by which the API server merges list elements (containers by name, owners by uid, ...). */
    private static final List<String> MERGE_KEYS = List.of("name", "uid", "containerPort");
    /** Metadata the API server owns. */
    private static final Set<String> SERVER_METADATA =
            Set.of("resourceVersion", "uid", "generation", "creationTimestamp", "managedFields");

    private ChildMatcher() {}

    public static boolean matches(HasMetadata desired, HasMetadata actual) {
        JsonNode want = SERIALIZATION.convertValue(desired, JsonNode.class);
        JsonNode have = SERIALIZATION.convertValue(actual, JsonNode.class);
        return contains(want, have, "");
    }

    static boolean contains(JsonNode want, JsonNode have, String path) {
        if (want == null || want.isNull() || want.isMissingNode()) {
            return true;
        }
        if ((want.isObject() || want.isArray()) && want.isEmpty() && (have == null || have.isNull())) {
            return true;
        }
        if (have == null || have.isNull() || have.isMissingNode()) {
            return false;
        }
        if (want.isObject()) {
            if (!have.isObject()) {
                return false;
            }
            var fields = want.fields();
            while (fields.hasNext()) {
                var field = fields.next();
                if (path.equals("/metadata") && SERVER_METADATA.contains(field.getKey())) {
                    continue;
                }
                if (!contains(field.getValue(), have.get(field.getKey()), path + "/" + field.getKey())) {
                    return false;
                }
            }
            return true;
        }
        if (want.isArray()) {
            return have.isArray() && arrayContains(want, have, path);
        }
        return scalarEquals(want, have);
    }

    private static boolean arrayContains(JsonNode want, JsonNode have, String path) {
        var key = mergeKey(want);
        if (key != null) {
            Map<String, JsonNode> byKey = new HashMap<>();
            have.forEach(element -> byKey.put(element.path(key).asText(), element));
            for (var element : want) {
                if (!contains(element, byKey.get(element.path(key).asText()), path + "[]")) {
                    return false;
                }
            }
            return true;
        }
        if (want.size() != have.size()) {
            return false;
        }
        for (int i = 0; i < want.size(); i++) {
            if (!contains(want.get(i), have.get(i), path + "[" + i + "]")) {
                return false;
            }
        }
        return true;
    }

    /** The merge key shared by every element, or {@code null} for atomic lists. */
    private static String mergeKey(JsonNode array) {
        for (var key : MERGE_KEYS) {
            boolean all = array.size() > 0;
            for (var element : array) {
                all &= element.isObject() && element.hasNonNull(key);
            }
            if (all) {
                return key;
            }
        }
        return null;
    }

    private static boolean scalarEquals(JsonNode want, JsonNode have) {
        if (want.equals(have)) {
            return true;
        }
        if (want.isNumber() && have.isNumber()) {
            return want.decimalValue().compareTo(have.decimalValue()) == 0;
        }
        if (want.isTextual() && have.isTextual()) {
            return quantitiesEqual(want.asText(), have.asText());
        }
        return want.asText().equals(have.asText()) && (want.isNumber() || have.isNumber());
    }

    /** "500m" and "0.5", "1Gi" and "1024Mi": the API server may canonicalise a quantity it stores. */
    private static boolean quantitiesEqual(String a, String b) {
        if (!QUANTITY.matcher(a).matches() || !QUANTITY.matcher(b).matches()) {
            return false;
        }
        try {
            return new Quantity(a).getNumericalAmount().compareTo(new Quantity(b).getNumericalAmount()) == 0;
        } catch (IllegalArgumentException | ArithmeticException e) {
            return false;
        }
    }
}
