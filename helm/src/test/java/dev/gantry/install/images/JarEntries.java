package dev.gantry.install.images;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** The entry names of jars, matched as {@code unzip} matches its patterns. */
final class JarEntries {

    private JarEntries() {}

    static List<String> of(Path jar) {
        try (var zip = new ZipFile(jar.toFile())) {
            return zip.stream().map(ZipEntry::getName).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jar, e);
        }
    }

    /** Whether an entry of any of the jars matches an unzip pattern ({@code *} crosses directories, as in unzip). */
    static boolean anyMatches(List<Path> jars, String pattern) {
        var matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern.replace("*", "**"));
        return jars.stream()
                .flatMap(jar -> of(jar).stream())
                .filter(name -> !name.endsWith("/"))
                .anyMatch(name -> matcher.matches(Path.of(name)));
    }
}
