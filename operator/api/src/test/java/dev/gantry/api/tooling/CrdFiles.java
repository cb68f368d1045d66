package dev.gantry.api.tooling;

import dev.gantry.api.v1alpha1.ModelDeployment;
import dev.gantry.api.v1alpha1.ModelRollout;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crdv2.generator.CRDGenerator;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaPropsBuilder;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Generates the CRD YAML of every Gantry kind with the fabric8 CRD generator and finishes it for users. */
public final class CrdFiles {

    static final List<Class<? extends CustomResource<?, ?>>> KINDS = List.of(ModelDeployment.class, ModelRollout.class);

    private static final String HEADER =
            "# Generated from operator/api by GeneratedFilesTest. Do not edit: change the Java types and run\n"
                    + "#   ./mvnw -pl operator/api test -Dgantry.regenerate=true\n";

    private CrdFiles() {}

    /** CRD file name to generated YAML, one entry per kind. */
    public static Map<String, String> generate() {
        Map<String, CustomResourceDefinition> crds = definitions();
        Map<String, String> files = new LinkedHashMap<>();
        crds.forEach((name, crd) -> files.put(name + ".yaml", HEADER + Serialization.asYaml(crd)));
        return files;
    }

    /** CRD name (for example {@code modeldeployments.gantry.dev}) to its finished definition. */
    public static Map<String, CustomResourceDefinition> definitions() {
        Path dir = generateRaw();
        Map<String, CustomResourceDefinition> crds = new LinkedHashMap<>();
        for (Class<? extends CustomResource<?, ?>> kind : KINDS) {
            String name = CustomResource.getCRDName(kind);
            CustomResourceDefinition crd = read(dir.resolve(name + "-v1.yml"));
            finish(crd, kind);
            crds.put(name, crd);
        }
        return crds;
    }

    private static Path generateRaw() {
        try {
            Path dir = Files.createTempDirectory("gantry-crds");
            new CRDGenerator()
                    .customResourceClasses(KINDS.toArray(Class[]::new))
                    .forCRDVersions("v1")
                    .inOutputDir(dir.toFile())
                    .generate();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CustomResourceDefinition read(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return Serialization.unmarshal(String.join("\n", lines.toList()), CustomResourceDefinition.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void finish(CustomResourceDefinition crd, Class<?> kind) {
        crd.getMetadata().setAnnotations(null);
        for (CustomResourceDefinitionVersion version : crd.getSpec().getVersions()) {
            version.setAdditionalPrinterColumns(inDeclaredOrder(version.getAdditionalPrinterColumns(), kind));
            describeTopLevel(
                    version.getSchema().getOpenAPIV3Schema(),
                    crd.getSpec().getNames().getKind());
        }
    }

    /** The generator sorts printer columns by name; {@code kubectl get} should show them as declared. */
    private static List<CustomResourceColumnDefinition> inDeclaredOrder(
            List<CustomResourceColumnDefinition> columns, Class<?> kind) {
        List<String> declared = Arrays.stream(kind.getAnnotationsByType(AdditionalPrinterColumn.class))
                .map(AdditionalPrinterColumn::name)
                .toList();
        List<CustomResourceColumnDefinition> ordered = new ArrayList<>(columns);
        ordered.sort((a, b) -> Integer.compare(declared.indexOf(a.getName()), declared.indexOf(b.getName())));
        return ordered;
    }

    private static void describeTopLevel(JSONSchemaProps root, String kind) {
        root.setDescription(kind + " is part of the gantry.dev API; see docs/api-reference.md.");
        Map<String, JSONSchemaProps> properties = new LinkedHashMap<>();
        properties.put(
                "apiVersion", string("APIVersion defines the versioned schema of this object: gantry.dev/v1alpha1."));
        properties.put("kind", string("Kind is the REST resource this object represents: " + kind + "."));
        properties.put(
                "metadata",
                new JSONSchemaPropsBuilder()
                        .withType("object")
                        .withDescription("Standard object metadata.")
                        .build());
        JSONSchemaProps spec = root.getProperties().get("spec");
        spec.setDescription("Desired state of the " + kind + ".");
        properties.put("spec", spec);
        JSONSchemaProps status = root.getProperties().get("status");
        status.setDescription("Observed state of the " + kind + ", written by the operator.");
        properties.put("status", status);
        root.setProperties(properties);
    }

    private static JSONSchemaProps string(String description) {
        return new JSONSchemaPropsBuilder()
                .withType("string")
                .withDescription(description)
                .build();
    }
}
