package dev.gantry.install.gitops;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.SimpleType;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One kind's {@code healthCheckExprs} entry of a Flux Kustomization, evaluated with Google's CEL implementation the
 * way kustomize-controller documents it: the object's top-level fields are the variables; a status for an older
 * generation is in progress; then {@code inProgress}, {@code failed} and {@code current} are tried in that order and
 * none true means in progress; an expression that cannot be evaluated (a missing field) keeps Flux waiting.
 */
final class FluxHealthCheck {

    enum Status {
        Current,
        InProgress,
        Failed
    }

    private static final List<String> VARIABLES = List.of("apiVersion", "kind", "metadata", "spec", "status");

    private final Cel cel;
    private final Map<Status, String> expressions = new LinkedHashMap<>();

    FluxHealthCheck(JsonNode entry) {
        var builder = CelFactory.standardCelBuilder().setStandardMacros(CelStandardMacro.STANDARD_MACROS);
        VARIABLES.forEach(variable -> builder.addVar(variable, SimpleType.DYN));
        this.cel = builder.build();
        if (entry.has("inProgress")) {
            expressions.put(Status.InProgress, entry.get("inProgress").asText());
        }
        if (entry.has("failed")) {
            expressions.put(Status.Failed, entry.get("failed").asText());
        }
        expressions.put(Status.Current, entry.get("current").asText());
        expressions.values().forEach(this::compile);
    }

    Status assess(JsonNode object) {
        var generation = object.path("metadata").path("generation");
        var observed = object.path("status").path("observedGeneration");
        if (generation.isNumber() && observed.isNumber() && observed.asLong() != generation.asLong()) {
            return Status.InProgress;
        }
        var variables = new LinkedHashMap<String, Object>();
        VARIABLES.forEach(name -> {
            if (object.has(name)) {
                variables.put(name, toCel(object.get(name)));
            }
        });
        for (var expression : expressions.entrySet()) {
            try {
                if (Boolean.TRUE.equals(
                        cel.createProgram(compile(expression.getValue())).eval(variables))) {
                    return expression.getKey();
                }
            } catch (CelEvaluationException e) {
                return Status.InProgress;
            }
        }
        return Status.InProgress;
    }

    private dev.cel.common.CelAbstractSyntaxTree compile(String expression) {
        try {
            return cel.compile(expression).getAst();
        } catch (CelValidationException e) {
            throw new IllegalArgumentException("not a valid CEL expression: " + expression, e);
        }
    }

    private static Object toCel(JsonNode node) {
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
        return node.isNull() ? null : node.asText();
    }
}
