package dev.gantry.api.tooling;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The files checked into the repository that are generated from the API types, and their staleness check. */
public final class GeneratedFiles {

    private final Map<Path, String> files;

    private GeneratedFiles(Map<Path, String> files) {
        this.files = files;
    }

    /** Everything generated from the current types, keyed by path relative to the repository root. */
    public static GeneratedFiles fromTypes() {
        Map<Path, String> files = new LinkedHashMap<>();
        CrdFiles.generate().forEach((name, yaml) -> files.put(Path.of("crds", name), yaml));
        files.put(Path.of("docs", "api-reference.md"), ApiReference.render(CrdFiles.definitions()));
        return new GeneratedFiles(files);
    }

    public static GeneratedFiles of(Map<Path, String> files) {
        return new GeneratedFiles(new LinkedHashMap<>(files));
    }

    public Map<Path, String> files() {
        return files;
    }

    /** Paths under {@code root} whose content is missing or differs from what the types generate. */
    public List<Path> staleUnder(Path root) {
        List<Path> stale = new ArrayList<>();
        files.forEach((path, content) -> {
            Path file = root.resolve(path);
            try {
                if (!Files.exists(file) || !Files.readString(file).equals(content)) {
                    stale.add(path);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return stale;
    }

    public void writeUnder(Path root) {
        files.forEach((path, content) -> {
            try {
                Files.createDirectories(root.resolve(path).getParent());
                Files.writeString(root.resolve(path), content);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
