package dev.gantry.api.tooling;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.api.model.apiextensions.v1.ValidationRule;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Renders {@code docs/api-reference.md} from the generated CRDs, so the reference can never drift from them. */
public final class ApiReference {

    private ApiReference() {}

    public static String render(Map<String, CustomResourceDefinition> crds) {
        StringBuilder md = new StringBuilder();
        md.append("# API reference: gantry.dev/v1alpha1\n\n")
                .append("<!-- Generated from the CRDs by GeneratedFilesTest; do not edit. -->\n\n")
                .append("Every field, its type, default and validation, as the API server enforces them. ")
                .append("Rules that span fields are CEL rules (`x-kubernetes-validations`) listed under each object. ")
                .append("Durations are Go-style strings such as `30s`, `5m` or `1h30m`.\n\n");
        for (CustomResourceDefinition crd : crds.values()) {
            md.append("- [")
                    .append(crd.getSpec().getNames().getKind())
                    .append("](#")
                    .append(crd.getSpec().getNames().getKind().toLowerCase())
                    .append(")\n");
        }
        md.append('\n');
        crds.values().forEach(crd -> renderKind(md, crd));
        return md.toString();
    }

    private static void renderKind(StringBuilder md, CustomResourceDefinition crd) {
        String kind = crd.getSpec().getNames().getKind();
        CustomResourceDefinitionVersion version = crd.getSpec().getVersions().get(0);
        md.append("## ")
                .append(kind)
                .append("\n\n")
                .append("- API version: `")
                .append(crd.getSpec().getGroup())
                .append('/')
                .append(version.getName())
                .append("`\n- Scope: ")
                .append(crd.getSpec().getScope())
                .append("\n- Names: `")
                .append(crd.getSpec().getNames().getPlural())
                .append("`, short names ")
                .append(crd.getSpec().getNames().getShortNames().stream()
                        .map(n -> "`" + n + "`")
                        .collect(Collectors.joining(", ")))
                .append("\n- Subresources: status\n\n")
                .append("`kubectl get` columns:\n\n| Column | JSONPath |\n| --- | --- |\n");
        version.getAdditionalPrinterColumns()
                .forEach(c -> md.append("| ")
                        .append(c.getName().toUpperCase())
                        .append(" | `")
                        .append(c.getJsonPath())
                        .append("` |\n"));
        md.append('\n');
        JSONSchemaProps root = version.getSchema().getOpenAPIV3Schema();
        renderObject(md, kind + ".spec", root.getProperties().get("spec"));
        renderObject(md, kind + ".status", root.getProperties().get("status"));
    }

    private static void renderObject(StringBuilder md, String path, JSONSchemaProps object) {
        List<Map.Entry<String, JSONSchemaProps>> nested = new ArrayList<>();
        md.append("### `").append(path).append("`\n\n");
        if (object.getDescription() != null) {
            md.append(object.getDescription()).append("\n\n");
        }
        md.append("| Field | Type | Required | Default | Validation | Description |\n")
                .append("| --- | --- | --- | --- | --- | --- |\n");
        List<String> required = object.getRequired() == null ? List.of() : object.getRequired();
        object.getProperties().forEach((name, field) -> {
            JSONSchemaProps element = elementOf(field);
            String childPath = path + "." + name + ("array".equals(field.getType()) ? "[]" : "");
            boolean hasChildren =
                    element.getProperties() != null && !element.getProperties().isEmpty();
            if (hasChildren && !isKubernetesType(childPath)) {
                nested.add(Map.entry(childPath, element));
            }
            md.append("| `")
                    .append(name)
                    .append("` | ")
                    .append(typeOf(field, hasChildren, childPath))
                    .append(" | ")
                    .append(required.contains(name) ? "yes" : "")
                    .append(" | ")
                    .append(defaultOf(field))
                    .append(" | ")
                    .append(validation(field))
                    .append(" | ")
                    .append(escape(field.getDescription()))
                    .append(" |\n");
        });
        md.append('\n');
        rules(md, object.getXKubernetesValidations());
        nested.forEach(e -> renderObject(md, e.getKey(), e.getValue()));
    }

    private static void rules(StringBuilder md, List<ValidationRule> rules) {
        if (rules == null || rules.isEmpty()) {
            return;
        }
        md.append("Rules:\n\n");
        rules.forEach(r -> md.append("- ")
                .append(r.getMessage())
                .append(": `")
                .append(r.getRule())
                .append("`\n"));
        md.append('\n');
    }

    private static JSONSchemaProps elementOf(JSONSchemaProps field) {
        if ("array".equals(field.getType())
                && field.getItems() != null
                && field.getItems().getSchema() != null) {
            return field.getItems().getSchema();
        }
        return field;
    }

    /** Core Kubernetes types (resources, env, affinity) are documented upstream, not here. */
    private static boolean isKubernetesType(String path) {
        return path.matches(".*\\.(resources|env\\[]|tolerations\\[]|affinity|imagePullSecrets\\[]|conditions\\[])$");
    }

    private static String typeOf(JSONSchemaProps field, boolean hasChildren, String childPath) {
        if (Boolean.TRUE.equals(field.getXKubernetesIntOrString())) {
            return "int or string";
        }
        if ("array".equals(field.getType())) {
            JSONSchemaProps element = elementOf(field);
            return "[]" + (hasChildren ? objectType(childPath) : scalar(element));
        }
        if (hasChildren) {
            return objectType(childPath);
        }
        if (field.getAdditionalProperties() != null
                && field.getAdditionalProperties().getSchema() != null) {
            return "map[string]" + scalar(field.getAdditionalProperties().getSchema());
        }
        if (Boolean.TRUE.equals(field.getXKubernetesPreserveUnknownFields())) {
            return "object (free-form)";
        }
        return scalar(field);
    }

    private static String objectType(String path) {
        if (isKubernetesType(path)) {
            return "object (Kubernetes core type)";
        }
        return "[object](#" + path.replaceAll("[^A-Za-z0-9]", "").toLowerCase() + ")";
    }

    private static String scalar(JSONSchemaProps field) {
        String type = field.getType() == null ? "object" : field.getType();
        if (field.getEnum() != null && !field.getEnum().isEmpty()) {
            return "enum: "
                    + field.getEnum().stream().map(v -> "`" + v.asText() + "`").collect(Collectors.joining(", "));
        }
        return type;
    }

    private static String defaultOf(JSONSchemaProps field) {
        if (field.getDefault() == null) {
            return "";
        }
        return field.getDefault().isObject() ? "`{}` (see its fields)" : code(Serialization.asJson(field.getDefault()));
    }

    private static String validation(JSONSchemaProps field) {
        List<String> parts = new ArrayList<>();
        if (field.getMinimum() != null) parts.add("min " + number(field.getMinimum()));
        if (field.getMaximum() != null) parts.add("max " + number(field.getMaximum()));
        if (field.getMinItems() != null) parts.add("min items " + field.getMinItems());
        if (field.getMaxItems() != null) parts.add("max items " + field.getMaxItems());
        if (field.getMinLength() != null) parts.add("min length " + field.getMinLength());
        if (field.getMaxLength() != null) parts.add("max length " + field.getMaxLength());
        if (field.getPattern() != null) parts.add("pattern " + code(field.getPattern()));
        return String.join("; ", parts);
    }

    private static String number(Double value) {
        return value == Math.rint(value) ? String.valueOf(value.longValue()) : String.valueOf(value);
    }

    private static String code(String text) {
        return "`` " + text.replace("|", "\\|") + " ``";
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }
}
