package dev.gantry.api.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.ListType;
import dev.cel.common.types.SimpleType;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelFunctionBinding;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates a CRD's {@code x-kubernetes-validations} with Google's CEL implementation, plus the one
 * Kubernetes list-library function our rules use ({@code isSorted}).
 */
final class CelRules {

    private final Cel cel = CelFactory.standardCelBuilder()
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .addVar("self", SimpleType.DYN)
            .addFunctionDeclarations(CelFunctionDecl.newFunctionDeclaration(
                    "isSorted",
                    CelOverloadDecl.newMemberOverload(
                            "list_is_sorted", SimpleType.BOOL, ListType.create(SimpleType.DYN))))
            .addFunctionBindings(CelFunctionBinding.from("list_is_sorted", List.class, CelRules::isSorted))
            .build();

    List<String> evaluate(JsonNode schema, JsonNode value) {
        List<String> errors = new ArrayList<>();
        walk("$", schema, value, errors);
        return errors;
    }

    private void walk(String path, JsonNode schema, JsonNode value, List<String> errors) {
        if (value == null || value.isNull()) {
            return;
        }
        JsonNode rules = schema.get("x-kubernetes-validations");
        if (rules != null) {
            for (JsonNode rule : rules) {
                if (!holds(rule.get("rule").asText(), value)) {
                    String field = rule.has("fieldPath") ? rule.get("fieldPath").asText() : "";
                    errors.add(path + field + ": " + rule.get("message").asText());
                }
            }
        }
        if (value.isObject() && schema.has("properties")) {
            for (Iterator<Map.Entry<String, JsonNode>> it =
                            schema.get("properties").fields();
                    it.hasNext(); ) {
                Map.Entry<String, JsonNode> property = it.next();
                walk(path + "." + property.getKey(), property.getValue(), value.get(property.getKey()), errors);
            }
        } else if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                walk(path + "[" + i + "]", schema.get("items"), value.get(i), errors);
            }
        }
    }

    private boolean holds(String rule, JsonNode value) {
        try {
            CelAbstractSyntaxTree ast = cel.compile(rule).getAst();
            Object result = cel.createProgram(ast).eval(Map.of("self", toCel(value)));
            return Boolean.TRUE.equals(result);
        } catch (CelValidationException | CelEvaluationException e) {
            throw new IllegalStateException("CEL rule does not evaluate: " + rule, e);
        }
    }

    static Object toCel(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.fields().forEachRemaining(e -> map.put(e.getKey(), toCel(e.getValue())));
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.elements().forEachRemaining(e -> list.add(toCel(e)));
            return list;
        }
        if (node.isIntegralNumber()) {
            return node.asLong();
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        return node.asText();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static boolean isSorted(List list) {
        for (int i = 1; i < list.size(); i++) {
            if (((Comparable) list.get(i - 1)).compareTo(list.get(i)) > 0) {
                return false;
            }
        }
        return true;
    }
}
