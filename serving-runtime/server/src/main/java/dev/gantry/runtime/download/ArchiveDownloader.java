package dev.gantry.runtime.download;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads a model archive ({@code .tar.gz}, {@code .tgz}, {@code .zip}) resumably, checks it against
 * {@code --sha256} when given, and unpacks it into the target directory. Entries that would land outside
 * the target, and links, are refused; an archive whose files all sit in one top-level folder is unpacked
 * without that folder, so that {@code config.json} ends up at the top.
 */
public final class ArchiveDownloader {
    private static final Logger LOG = LoggerFactory.getLogger(ArchiveDownloader.class);

    private final HttpFetcher fetcher;

    public ArchiveDownloader(HttpFetcher fetcher) {
        this.fetcher = fetcher;
    }

    static String format(String uri) {
        String path = URI.create(uri).getPath().toLowerCase(Locale.ROOT);
        if (path.endsWith(".tar.gz") || path.endsWith(".tgz")) {
            return "tar.gz";
        }
        if (path.endsWith(".zip")) {
            return "zip";
        }
        throw new DownloadException("'" + uri + "' is not a .tar.gz, .tgz or .zip archive");
    }

    public void download(String uri, Path target, String sha256) {
        String format = format(uri);
        if (sha256 == null) {
            LOG.warn("{}: no --sha256 given: the archive's integrity rests on TLS alone", uri);
        } else if (!sha256.matches("[0-9a-fA-F]{64}")) {
            throw new DownloadException("--sha256 must be 64 hex digits");
        }
        Path staging = target.resolve(".gantry-download");
        Path archive = staging.resolve("archive." + format);
        fetcher.download(
                URI.create(uri),
                archive,
                staging.resolve("archive." + format + ".part"),
                sha256 == null ? null : Digest.sha256(sha256),
                "archive");
        Path unpacked = staging.resolve("unpacked");
        try {
            deleteTree(unpacked);
            Files.createDirectories(unpacked);
            try (InputStream raw = new BufferedInputStream(Files.newInputStream(archive));
                    ArchiveInputStream<?> entries = open(format, raw)) {
                extract(entries, unpacked);
            }
            moveContents(singleTopFolder(unpacked), target);
            deleteTree(staging);
        } catch (IOException e) {
            throw new DownloadException("cannot unpack " + uri + ": " + e.getMessage(), e);
        }
        LOG.info("{}: unpacked into {}", uri, target);
    }

    private static ArchiveInputStream<?> open(String format, InputStream raw) throws IOException {
        return format.equals("zip")
                ? new ZipArchiveInputStream(raw)
                : new TarArchiveInputStream(new GzipCompressorInputStream(raw));
    }

    private static void extract(ArchiveInputStream<?> entries, Path root) throws IOException {
        ArchiveEntry entry;
        int files = 0;
        while ((entry = entries.getNextEntry()) != null) {
            if (isLink(entry)) {
                throw new DownloadException("the archive contains a link (" + entry.getName() + "); links are refused");
            }
            Path destination = HfDownloader.inside(root, entry.getName());
            if (entry.isDirectory()) {
                Files.createDirectories(destination);
            } else {
                Files.createDirectories(destination.getParent());
                Files.copy(entries, destination, StandardCopyOption.REPLACE_EXISTING);
                files++;
            }
        }
        if (files == 0) {
            throw new DownloadException("the archive holds no files");
        }
    }

    private static boolean isLink(ArchiveEntry entry) {
        if (entry instanceof TarArchiveEntry tar) {
            return tar.isSymbolicLink() || tar.isLink();
        }
        return entry instanceof ZipArchiveEntry zip && zip.isUnixSymlink();
    }

    private static Path singleTopFolder(Path unpacked) throws IOException {
        try (Stream<Path> children = Files.list(unpacked)) {
            List<Path> list = children.toList();
            if (list.size() == 1 && Files.isDirectory(list.get(0)) && !Files.exists(unpacked.resolve("config.json"))) {
                return list.get(0);
            }
            return unpacked;
        }
    }

    private static void moveContents(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> children = Files.list(from)) {
            for (Path child : children.toList()) {
                Path destination = to.resolve(child.getFileName().toString());
                deleteTree(destination);
                Files.move(child, destination);
            }
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
