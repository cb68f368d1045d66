package dev.gantry.install.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.install.Manifests;
import dev.gantry.install.Repository;
import dev.gantry.install.chart.HelmChart;
import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every pod Gantry runs passes the Kubernetes "restricted" Pod Security Standard: the operator's pod from the chart,
 * and every runtime and Redis pod in the operator's golden files (all examples and edge cases).
 */
class PodSecurityTest {

    private static final Set<String> ALLOWED_VOLUMES = Set.of(
            "configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "persistentVolumeClaim", "projected", "secret");

    static Stream<Named<PodTemplateSpec>> pods() throws IOException {
        var pods = new ArrayList<Named<PodTemplateSpec>>();
        for (var mode : List.<Map<String, Object>>of(Map.of(), Map.of("watchNamespaces", List.of("models")))) {
            HelmChart.render(mode)
                    .all(Deployment.class)
                    .forEach(d -> pods.add(Named.of(
                            "chart " + d.getMetadata().getName(), d.getSpec().getTemplate())));
        }
        var golden = Repository.root().resolve("operator/controller/src/test/resources/golden");
        try (Stream<Path> files = Files.walk(golden)) {
            for (var file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                for (var object : Manifests.parse(Files.readString(file))) {
                    var where = golden.relativize(file) + " " + object.getKind() + " "
                            + object.getMetadata().getName();
                    if (object instanceof Deployment d) {
                        pods.add(Named.of(where, d.getSpec().getTemplate()));
                    } else if (object instanceof StatefulSet s) {
                        pods.add(Named.of(where, s.getSpec().getTemplate()));
                    }
                }
            }
        }
        assertThat(pods).hasSizeGreaterThan(10);
        return pods.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pods")
    void podPassesTheRestrictedStandard(PodTemplateSpec template) {
        var pod = template.getSpec();

        assertThat(pod.getHostNetwork()).isNotEqualTo(true);
        assertThat(pod.getHostPID()).isNotEqualTo(true);
        assertThat(pod.getHostIPC()).isNotEqualTo(true);
        assertThat(pod.getVolumes()).extracting(PodSecurityTest::volumeType).allMatch(ALLOWED_VOLUMES::contains);
        for (var container : containers(pod)) {
            var context = Optional.ofNullable(container.getSecurityContext()).orElseGet(SecurityContext::new);
            assertThat(context.getPrivileged()).as(container.getName()).isNotEqualTo(true);
            assertThat(context.getAllowPrivilegeEscalation())
                    .as(container.getName())
                    .isFalse();
            var capabilities = Optional.ofNullable(context.getCapabilities()).orElseGet(Capabilities::new);
            assertThat(capabilities.getDrop()).as(container.getName()).contains("ALL");
            assertThat(capabilities.getAdd()).as(container.getName()).isSubsetOf("NET_BIND_SERVICE");
            assertThat(runsAsNonRoot(pod, context))
                    .as(container.getName() + " runs as non-root")
                    .isTrue();
            assertThat(seccomp(pod, context)).as(container.getName()).isIn("RuntimeDefault", "Localhost");
            assertThat(container.getPorts())
                    .allSatisfy(port -> assertThat(port.getHostPort()).isNull());
            assertThat(context.getReadOnlyRootFilesystem())
                    .as(container.getName() + " read-only root")
                    .isTrue();
        }
    }

    private static List<Container> containers(PodSpec pod) {
        var all = new ArrayList<>(pod.getContainers());
        all.addAll(pod.getInitContainers());
        return all;
    }

    private static boolean runsAsNonRoot(PodSpec pod, SecurityContext container) {
        var podContext = pod.getSecurityContext();
        boolean nonRoot = Boolean.TRUE.equals(container.getRunAsNonRoot())
                || (container.getRunAsNonRoot() == null
                        && podContext != null
                        && Boolean.TRUE.equals(podContext.getRunAsNonRoot()));
        var user = container.getRunAsUser() != null
                ? container.getRunAsUser()
                : podContext == null ? null : podContext.getRunAsUser();
        return nonRoot && (user == null || user != 0);
    }

    private static String seccomp(PodSpec pod, SecurityContext container) {
        if (container.getSeccompProfile() != null) {
            return container.getSeccompProfile().getType();
        }
        var podContext = pod.getSecurityContext();
        return podContext == null || podContext.getSeccompProfile() == null
                ? null
                : podContext.getSeccompProfile().getType();
    }

    private static String volumeType(Volume volume) {
        Map<?, ?> node =
                new io.fabric8.kubernetes.client.utils.KubernetesSerialization().convertValue(volume, Map.class);
        return node.keySet().stream()
                .map(key -> (String) key)
                .filter(key -> !key.equals("name"))
                .findFirst()
                .orElse("none");
    }
}
