package dev.gantry.local.node;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds a program as a shell would: a path as given, a bare name on {@code PATH}. */
final class Executables {

    private Executables() {}

    static Optional<Path> find(String program) {
        if (program.contains("/")) {
            var path = Path.of(program);
            return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
        }
        var searchPath = System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin") + ":/usr/sbin:/sbin";
        for (var dir : searchPath.split(":")) {
            var candidate = Path.of(dir.isEmpty() ? "." : dir, program);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
