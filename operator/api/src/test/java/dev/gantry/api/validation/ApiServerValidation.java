package dev.gantry.api.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import java.util.ArrayList;
import java.util.List;

/**
 * What the Kubernetes API server does with a custom resource before storing it, done in a test because
 * the fabric8 mock server does none of it: structural defaulting, OpenAPI schema validation (with a real
 * JSON Schema validator), then the CRD's CEL rules.
 */
public final class ApiServerValidation {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode schema;
    private final JsonSchema validator;
    private final CelRules celRules = new CelRules();

    public ApiServerValidation(CustomResourceDefinition crd) {
        this.schema =
                JSON.valueToTree(crd.getSpec().getVersions().get(0).getSchema().getOpenAPIV3Schema());
        this.validator = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4)
                .getSchema(withoutKubernetesExtensions(schema.deepCopy()));
    }

    /** Errors as {@code <json path>: <reason>}; empty when the API server would accept the object. */
    public List<String> validate(JsonNode object) {
        JsonNode defaulted = StructuralDefaulting.apply(schema, object.deepCopy());
        List<String> errors = new ArrayList<>();
        for (ValidationMessage message : validator.validate(defaulted)) {
            errors.add(message.getMessage());
        }
        if (errors.isEmpty()) {
            errors.addAll(celRules.evaluate(schema, defaulted));
        }
        return errors;
    }

    private static JsonNode withoutKubernetesExtensions(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove(List.of(
                    "x-kubernetes-validations",
                    "x-kubernetes-preserve-unknown-fields",
                    "x-kubernetes-int-or-string",
                    "x-kubernetes-embedded-resource",
                    "x-kubernetes-list-type",
                    "x-kubernetes-map-type"));
            object.elements().forEachRemaining(ApiServerValidation::withoutKubernetesExtensions);
        } else if (node != null && node.isArray()) {
            node.elements().forEachRemaining(ApiServerValidation::withoutKubernetesExtensions);
        }
        return node;
    }
}
