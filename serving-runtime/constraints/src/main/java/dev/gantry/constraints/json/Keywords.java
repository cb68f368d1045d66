package dev.gantry.constraints.json;

import java.util.Map;
import java.util.Set;

/** Which JSON Schema keywords are enforced, which are annotations (no effect), and which are refused. */
final class Keywords {
    private Keywords() {}

    static final Set<String> ENFORCED = Set.of(
            "type",
            "enum",
            "const",
            "properties",
            "required",
            "additionalProperties",
            "patternProperties",
            "propertyNames",
            "minProperties",
            "maxProperties",
            "items",
            "prefixItems",
            "minItems",
            "maxItems",
            "uniqueItems",
            "minLength",
            "maxLength",
            "pattern",
            "format",
            "minimum",
            "maximum",
            "exclusiveMinimum",
            "exclusiveMaximum",
            "multipleOf",
            "allOf",
            "anyOf",
            "oneOf",
            "not",
            "if",
            "then",
            "else",
            "$ref",
            "$defs",
            "definitions",
            "$anchor",
            "$id",
            "$schema");

    /** Keywords that only annotate: accepted and without effect on the output. */
    static final Set<String> ANNOTATIONS = Set.of(
            "title",
            "description",
            "default",
            "examples",
            "deprecated",
            "readOnly",
            "writeOnly",
            "$comment",
            "contentEncoding",
            "contentMediaType",
            "contentSchema");

    /** Keywords whose values are not schemas (no anchors inside). */
    static final Set<String> NON_SCHEMA_VALUES = Set.of("enum", "const", "default", "examples");

    /** Known keywords that are refused, and why. */
    static final Map<String, String> REFUSED = Map.ofEntries(
            Map.entry("dependentRequired", "dependentRequired is not supported"),
            Map.entry("dependentSchemas", "dependentSchemas is not supported"),
            Map.entry("dependencies", "dependencies (draft 7) is not supported"),
            Map.entry("contains", "contains is not supported"),
            Map.entry("minContains", "minContains is not supported"),
            Map.entry("maxContains", "maxContains is not supported"),
            Map.entry("unevaluatedItems", "unevaluatedItems is not supported"),
            Map.entry("unevaluatedProperties", "unevaluatedProperties is not supported"),
            Map.entry("additionalItems", "additionalItems (draft 7) is not supported; use prefixItems and items"),
            Map.entry("$dynamicRef", "$dynamicRef is not supported"),
            Map.entry("$dynamicAnchor", "$dynamicAnchor is not supported"),
            Map.entry("$recursiveRef", "$recursiveRef is not supported"),
            Map.entry("$recursiveAnchor", "$recursiveAnchor is not supported"),
            Map.entry("$vocabulary", "$vocabulary is not supported"));
}
