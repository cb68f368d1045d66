package dev.gantry.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.gantry.api.tooling.CrdFiles;
import dev.gantry.api.v1alpha1.ModelDeployment;
import dev.gantry.api.v1alpha1.ModelRollout;
import dev.gantry.api.validation.ApiServerValidation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every example a user may copy is valid, and every invalid counterpart is refused for its stated reason. */
class ExamplesTest {

    private static final Path EXAMPLES =
            Path.of(System.getProperty("gantry.root", "../..")).resolve("examples");
    private static final Path INVALID = EXAMPLES.resolve("invalid");

    private static final ObjectMapper STRICT = JsonMapper.builder(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final Map<String, Class<?>> TYPES =
            Map.of(ModelDeployment.KIND, ModelDeployment.class, ModelRollout.KIND, ModelRollout.class);
    private static final Map<String, ApiServerValidation> API_SERVER = Map.of(
            ModelDeployment.KIND, new ApiServerValidation(CrdFiles.definitions().get("modeldeployments.gantry.dev")),
            ModelRollout.KIND, new ApiServerValidation(CrdFiles.definitions().get("modelrollouts.gantry.dev")));

    @ParameterizedTest
    @MethodSource("validExamples")
    void exampleLoadsIntoTheJavaTypesAndPassesTheApiServersValidation(JsonNode resource) {
        assertThat(strictLoadError(resource)).isNull();
        assertThat(API_SERVER.get(resource.get("kind").asText()).validate(resource))
                .isEmpty();
    }

    @ParameterizedTest
    @MethodSource("invalidExamples")
    void invalidExampleIsRefusedForItsStatedReason(JsonNode resource, String expectedReason) {
        List<String> errors =
                new ArrayList<>(API_SERVER.get(resource.get("kind").asText()).validate(resource));
        String loadError = strictLoadError(resource);
        if (loadError != null) {
            errors.add(loadError);
        }

        assertThat(errors).anyMatch(error -> error.contains(expectedReason));
    }

    @Test
    void everyExampleFolderNamedInTheDocsExists() {
        assertThat(EXAMPLES.resolve("cpu-tiny")).isDirectory();
        assertThat(EXAMPLES.resolve("gpu-llama")).isDirectory();
        assertThat(EXAMPLES.resolve("canary-gateway")).isDirectory();
        assertThat(EXAMPLES.resolve("bluegreen")).isDirectory();
        assertThat(EXAMPLES.resolve("canary-nginx")).isDirectory();
        assertThat(validExamples().count()).isGreaterThanOrEqualTo(10);
        assertThat(invalidExamples().count()).isGreaterThanOrEqualTo(20);
    }

    static Stream<Named<JsonNode>> validExamples() {
        return yamlFiles(EXAMPLES)
                .filter(file -> !file.startsWith(INVALID))
                .flatMap(file -> gantryResources(file).stream()
                        .map(doc -> Named.of(EXAMPLES.relativize(file) + " " + name(doc), doc)));
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> invalidExamples() {
        return yamlFiles(INVALID).map(file -> {
            List<JsonNode> docs = gantryResources(file);
            assertThat(docs).as(file.toString()).hasSize(1);
            return org.junit.jupiter.params.provider.Arguments.of(
                    Named.of(file.getFileName().toString(), docs.get(0)), expectedReason(file));
        });
    }

    private static String strictLoadError(JsonNode resource) {
        Throwable error = catchThrowable(() ->
                STRICT.treeToValue(resource, TYPES.get(resource.get("kind").asText())));
        return error == null ? null : error.getMessage();
    }

    private static String expectedReason(Path file) {
        try {
            String first = Files.readAllLines(file).get(0);
            assertThat(first).as(file + " must start with '# expect: <reason>'").startsWith("# expect: ");
            return first.substring("# expect: ".length()).trim();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Stream<Path> yamlFiles(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<JsonNode> gantryResources(Path file) {
        try {
            List<JsonNode> docs = new YAMLMapper()
                    .readerFor(JsonNode.class)
                    .<JsonNode>readValues(file.toFile())
                    .readAll();
            return docs.stream()
                    .filter(doc ->
                            doc != null && doc.path("apiVersion").asText().startsWith("gantry.dev/"))
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException(file.toString(), e);
        }
    }

    private static String name(JsonNode doc) {
        return doc.get("kind").asText() + "/"
                + doc.path("metadata").path("name").asText();
    }
}
