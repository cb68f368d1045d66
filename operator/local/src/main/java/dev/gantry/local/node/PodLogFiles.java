package dev.gantry.local.node;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Containers' output: one file per container, {@code <namespace>_<pod>_<container>.log}, read by kubectl logs. */
final class PodLogFiles {

    private final Path dir;

    PodLogFiles(Path dir) {
        this.dir = dir;
    }

    Path of(String namespace, String pod, String container) {
        return dir.resolve(namespace + "_" + pod + "_" + container + ".log");
    }

    /** A container's output so far; the pod's first container (by name) when {@code container} is null. */
    Optional<String> read(String namespace, String pod, String container) {
        var prefix = namespace + "_" + pod + "_";
        try (var files = Files.list(dir)) {
            var file = files.filter(f -> f.getFileName().toString().startsWith(prefix))
                    .filter(f -> container == null || f.getFileName().toString().equals(prefix + container + ".log"))
                    .sorted()
                    .findFirst();
            return file.isEmpty() ? Optional.empty() : Optional.of(Files.readString(file.get()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
