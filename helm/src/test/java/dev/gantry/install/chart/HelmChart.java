package dev.gantry.install.chart;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.Helm;
import dev.gantry.install.Manifests;
import dev.gantry.install.Repository;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The chart in {@code helm/gantry}, rendered by Helm itself (helm-java) and read back as fabric8 objects. */
public final class HelmChart {

    public static final String RELEASE = "gantry";
    public static final String NAMESPACE = "gantry-system";
    /** The oldest Kubernetes the chart supports (Chart.yaml kubeVersion). */
    public static final String KUBE_VERSION = "1.30.0";

    private static final YAMLMapper YAML = new YAMLMapper();

    private HelmChart() {}

    /** {@code helm template} with these values over values.yaml; throws with Helm's message when it refuses them. */
    public static Rendered render(Map<String, ?> values) {
        try {
            var file = Files.createTempFile("values-", ".yaml");
            try {
                Files.writeString(file, YAML.writeValueAsString(values));
                var manifest = new Helm(Repository.chart())
                        .template()
                        .withName(RELEASE)
                        .withNamespace(NAMESPACE)
                        .withKubeVersion(KUBE_VERSION)
                        .withValuesFile(file)
                        .call();
                return new Rendered(manifest, Manifests.parse(manifest));
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What {@code helm template} printed, as text and as objects. */
    public record Rendered(String manifest, List<HasMetadata> objects) {

        public <T extends HasMetadata> List<T> all(Class<T> type) {
            return objects.stream().filter(type::isInstance).map(type::cast).toList();
        }

        public <T extends HasMetadata> Optional<T> find(Class<T> type, String name) {
            return all(type).stream()
                    .filter(o -> o.getMetadata().getName().equals(name))
                    .findFirst();
        }

        public <T extends HasMetadata> T one(Class<T> type, String name) {
            return find(type, name)
                    .orElseThrow(
                            () -> new AssertionError("no " + type.getSimpleName() + " " + name + " in:\n" + manifest));
        }
    }
}
