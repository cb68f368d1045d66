package dev.gantry.local.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.gantry.operator.testing.MockApiServer;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A container's environment and files, built from the API as the kubelet builds them. */
class ContainerEnvironmentTest {

    private static MockApiServer server;
    private static ClusterObjects objects;
    private static final EnvResolver.PodFields POD =
            new EnvResolver.PodFields("models", "stories-abc-x1", "uid-1", Map.of("app", "stories"), "stories-runtime");

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        server = new MockApiServer();
        objects = new ClusterObjects(server.client());
        server.client()
                .resource(new ConfigMapBuilder()
                        .withNewMetadata()
                        .withName("runtime")
                        .withNamespace("models")
                        .endMetadata()
                        .withData(Map.of("GANTRY_PORT", "8080", "GANTRY_PROFILE", "production"))
                        .build())
                .create();
        server.client()
                .resource(new SecretBuilder()
                        .withNewMetadata()
                        .withName("cache-auth")
                        .withNamespace("models")
                        .endMetadata()
                        .withStringData(Map.of("password", "s3cret", "users.acl", "user default on"))
                        .build())
                .create();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void envOverridesEnvFromAndResolvesSecretsFieldsAndReferences() throws Exception {
        var container = new ContainerBuilder()
                .withName("runtime")
                .addNewEnvFrom()
                .withNewConfigMapRef()
                .withName("runtime")
                .endConfigMapRef()
                .endEnvFrom()
                .addNewEnv()
                .withName("GANTRY_PROFILE")
                .withValue("test")
                .endEnv()
                .addNewEnv()
                .withName("GANTRY_CACHE_PASSWORD")
                .withNewValueFrom()
                .withNewSecretKeyRef("password", "cache-auth", false)
                .endValueFrom()
                .endEnv()
                .addNewEnv()
                .withName("POD")
                .withNewValueFrom()
                .withNewFieldRef()
                .withFieldPath("metadata.name")
                .endFieldRef()
                .endValueFrom()
                .endEnv()
                .addNewEnv()
                .withName("WHERE")
                .withValue("$(POD):$(GANTRY_PORT) $(UNKNOWN)")
                .endEnv()
                .build();

        var env = new EnvResolver(objects).resolve(container, POD);

        assertThat(env)
                .containsEntry("GANTRY_PROFILE", "test")
                .containsEntry("GANTRY_PORT", "8080")
                .containsEntry("GANTRY_CACHE_PASSWORD", "s3cret")
                .containsEntry("POD", "stories-abc-x1")
                .containsEntry("WHERE", "stories-abc-x1:8080 $(UNKNOWN)");
    }

    @Test
    void aMissingSecretKeyIsACreateContainerConfigErrorWithTheKubeletsMessage() {
        var container = new ContainerBuilder()
                .withName("runtime")
                .addNewEnv()
                .withName("TOKEN")
                .withNewValueFrom()
                .withNewSecretKeyRef("token", "cache-auth", false)
                .endValueFrom()
                .endEnv()
                .build();

        var error = catchThrowableOfType(
                ContainerConfigException.class, () -> new EnvResolver(objects).resolve(container, POD));

        assertThat(error.reason()).isEqualTo("CreateContainerConfigError");
        assertThat(error.getMessage()).isEqualTo("couldn't find key token in Secret models/cache-auth");
    }

    @Test
    void secretVolumesAreWrittenWithTheirModeAndTheirContainerPathsMapped() throws Exception {
        var files = new PodFilesystem(
                dir.resolve("pod"),
                dir.resolve("claims"),
                "models",
                objects,
                Map.of("/opt/gantry/models", dir.resolve("models")));
        var volume = new VolumeBuilder()
                .withName("acl")
                .withNewSecret()
                .withSecretName("cache-auth")
                .withDefaultMode(0440)
                .addNewItem()
                .withKey("users.acl")
                .withPath("users.acl")
                .endItem()
                .endSecret()
                .build();
        Container container = new ContainerBuilder()
                .withName("redis")
                .addNewVolumeMount()
                .withName("acl")
                .withMountPath("/etc/redis-acl")
                .endVolumeMount()
                .build();

        files.mount(container, List.of(volume));

        var acl = files.local("/etc/redis-acl/users.acl");
        assertThat(Files.readString(acl)).isEqualTo("user default on");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(acl)))
                .isEqualTo("r--r-----");
        assertThat(dir.resolve("pod/volumes/acl/password")).doesNotExist();
        assertThat(files.rewrite("/opt/gantry/models/stories260K"))
                .isEqualTo(dir.resolve("models/stories260K").toString());
        assertThat(files.rewrite("production")).isEqualTo("production");
    }
}
