package dev.gantry.operator.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.gantry.api.v1alpha1.ModelDeployment;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** YAML in and out: ModelDeployments read from files, children written as a multi-document stream. */
public final class Manifests {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    .disable(YAMLGenerator.Feature.SPLIT_LINES)
                    .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS))
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private Manifests() {}

    /** Every ModelDeployment in a (possibly multi-document) YAML text; other kinds are skipped. */
    public static List<ModelDeployment> readModelDeployments(String yaml) {
        var result = new ArrayList<ModelDeployment>();
        try (var parser = YAML.getFactory().createParser(yaml)) {
            var documents = YAML.readValues(parser, com.fasterxml.jackson.databind.JsonNode.class);
            while (documents.hasNext()) {
                var document = documents.next();
                if (document == null || document.isNull() || document.isMissingNode()) {
                    continue;
                }
                if (ModelDeployment.KIND.equals(document.path("kind").asText())) {
                    result.add(YAML.treeToValue(document, ModelDeployment.class));
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("not a valid ModelDeployment YAML: " + e.getMessage(), e);
        }
        return result;
    }

    /** Documents separated by {@code ---}, in the given order. */
    public static String toYaml(List<? extends HasMetadata> resources) {
        var out = new StringBuilder();
        for (var resource : resources) {
            out.append("---\n").append(toYaml(resource));
        }
        return out.toString();
    }

    public static String toYaml(Object value) {
        try {
            return YAML.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "cannot write YAML for " + value.getClass().getSimpleName(), e);
        }
    }
}
