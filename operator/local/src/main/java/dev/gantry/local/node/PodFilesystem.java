package dev.gantry.local.node;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.Volume;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A pod's files on this machine: each volume a directory under the pod's own directory (ConfigMap and Secret
 * volumes written with their modes, emptyDirs empty, PersistentVolumeClaims as directories under
 * {@code volumes/<namespace>/<claim>}), and the image's own files where the image keeps them. Container paths in
 * environment values and arguments are mapped to these directories.
 */
final class PodFilesystem {

    private final Path podDir;
    private final Path claims;
    private final String namespace;
    private final ClusterObjects objects;
    /** Container path prefix → local path, longest prefix first. */
    private final TreeMap<String, Path> mounts =
            new TreeMap<>(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));

    PodFilesystem(Path podDir, Path claims, String namespace, ClusterObjects objects, Map<String, Path> imageFiles) {
        this.podDir = podDir;
        this.claims = claims;
        this.namespace = namespace;
        this.objects = objects;
        mounts.putAll(imageFiles);
    }

    /** Writes the volumes the container mounts (fresh, as the kubelet keeps them up to date) and maps their paths. */
    void mount(Container container, List<Volume> volumes) throws ContainerConfigException {
        if (container.getVolumeMounts() == null) {
            return;
        }
        for (var mount : container.getVolumeMounts()) {
            var volume = volumes.stream()
                    .filter(v -> v.getName().equals(mount.getName()))
                    .findFirst()
                    .orElseThrow(() -> new ContainerConfigException(
                            ContainerConfigException.CREATING, "volume " + mount.getName() + " is not defined"));
            var dir = prepare(volume);
            var local =
                    mount.getSubPath() == null || mount.getSubPath().isBlank() ? dir : dir.resolve(mount.getSubPath());
            mounts.put(trim(mount.getMountPath()), local);
        }
    }

    /** The local path of a container path; paths outside every mount are the host's own. */
    Path local(String containerPath) {
        for (var entry : mounts.entrySet()) {
            var prefix = entry.getKey();
            if (containerPath.equals(prefix)) {
                return entry.getValue();
            }
            if (containerPath.startsWith(prefix + "/")) {
                return entry.getValue().resolve(containerPath.substring(prefix.length() + 1));
            }
        }
        return Path.of(containerPath);
    }

    /** A value with a leading container path (an absolute path under a mount) mapped; other values unchanged. */
    String rewrite(String value) {
        if (value == null || !value.startsWith("/")) {
            return value;
        }
        var mapped = local(value);
        return mapped.toString().equals(value) ? value : mapped.toString();
    }

    Path dir() {
        return podDir;
    }

    private Path prepare(Volume volume) throws ContainerConfigException {
        var dir = podDir.resolve("volumes").resolve(volume.getName());
        try {
            if (volume.getPersistentVolumeClaim() != null) {
                var claim = claims.resolve(namespace)
                        .resolve(volume.getPersistentVolumeClaim().getClaimName());
                Files.createDirectories(claim);
                return claim;
            }
            Files.createDirectories(dir);
            if (volume.getEmptyDir() != null) {
                return dir;
            }
            if (volume.getConfigMap() != null) {
                var source = volume.getConfigMap();
                var configMap = objects.configMap(namespace, source.getName());
                if (configMap.isEmpty()) {
                    throw missing(volume, "configmap \"" + source.getName() + "\" not found");
                }
                write(dir, ClusterObjects.data(configMap.get()), source.getItems(), source.getDefaultMode());
                return dir;
            }
            if (volume.getSecret() != null) {
                var source = volume.getSecret();
                var secret = objects.secret(namespace, source.getSecretName());
                if (secret.isEmpty()) {
                    throw missing(volume, "secret \"" + source.getSecretName() + "\" not found");
                }
                write(dir, ClusterObjects.data(secret.get()), source.getItems(), source.getDefaultMode());
                return dir;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new ContainerConfigException(
                ContainerConfigException.CREATING,
                "volume " + volume.getName()
                        + ": local mode provides configMap, secret, emptyDir and persistentVolumeClaim volumes only");
    }

    private static ContainerConfigException missing(Volume volume, String what) {
        return new ContainerConfigException(
                ContainerConfigException.CREATING,
                "MountVolume.SetUp failed for volume \"" + volume.getName() + "\": " + what);
    }

    private static void write(Path dir, Map<String, String> data, List<KeyToPath> items, Integer defaultMode)
            throws IOException, ContainerConfigException {
        clear(dir);
        if (items == null || items.isEmpty()) {
            for (var entry : data.entrySet()) {
                writeFile(dir.resolve(entry.getKey()), entry.getValue(), defaultMode);
            }
            return;
        }
        for (var item : items) {
            if (!data.containsKey(item.getKey())) {
                throw new ContainerConfigException(
                        ContainerConfigException.CREATING, "key " + item.getKey() + " is missing");
            }
            writeFile(
                    dir.resolve(item.getPath()),
                    data.get(item.getKey()),
                    item.getMode() == null ? defaultMode : item.getMode());
        }
    }

    private static void writeFile(Path file, String content, Integer mode) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        // The owner must keep reading the file: this process is its owner, not the pod's user.
        int bits = (mode == null ? 0644 : mode) | 0400;
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions(bits)));
    }

    private static String permissions(int mode) {
        var text = new StringBuilder();
        var letters = "rwx";
        for (int shift = 8; shift >= 0; shift--) {
            text.append((mode & (1 << shift)) != 0 ? letters.charAt(2 - shift % 3) : '-');
        }
        return text.toString();
    }

    private static void clear(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            for (var file : files.sorted(Comparator.reverseOrder()).toList()) {
                if (!file.equals(dir)) {
                    Files.delete(file);
                }
            }
        }
    }

    private static String trim(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
