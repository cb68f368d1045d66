package dev.gantry.runtime.download;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads a model repository from the Hugging Face Hub's HTTP file API: lists the files of the
 * revision ({@code /api/models/{repo}/revision/{rev}?blobs=true}), pins the commit it resolves to, and
 * fetches each file from {@code /{repo}/resolve/{commit}/{path}}, checking LFS files against their
 * SHA-256 and small files against their git blob id. Other weight formats are skipped when the
 * repository has safetensors.
 */
public final class HfDownloader {
    private static final Logger LOG = LoggerFactory.getLogger(HfDownloader.class);
    private static final Pattern URI_PATTERN = Pattern.compile("hf://([A-Za-z0-9][\\w.-]*(?:/[\\w.-]+)?)(?:@(.+))?");
    private static final Set<String> OTHER_WEIGHTS = Set.of(
            ".bin",
            ".pt",
            ".pth",
            ".h5",
            ".msgpack",
            ".ckpt",
            ".onnx",
            ".tflite",
            ".ot",
            ".gguf",
            ".mlmodel",
            ".onnx_data");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String endpoint;
    private final HttpFetcher fetcher;

    public HfDownloader(String endpoint, HttpFetcher fetcher) {
        this.endpoint = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
        this.fetcher = fetcher;
    }

    /** {@code hf://org/name[@revision]} split into repository and revision ({@code main} by default). */
    record Reference(String repository, String revision) {}

    static Reference parse(String uri) {
        Matcher m = URI_PATTERN.matcher(uri);
        if (!m.matches()) {
            throw new DownloadException(
                    "'" + uri + "' is not a Hub reference such as hf://org/name or hf://org/name@revision");
        }
        return new Reference(m.group(1), m.group(2) == null ? "main" : m.group(2));
    }

    public void download(String uri, Path target) {
        Reference ref = parse(uri);
        URI info = URI.create(
                endpoint + "/api/models/" + ref.repository() + "/revision/" + encode(ref.revision()) + "?blobs=true");
        JsonNode model;
        try {
            model = JSON.readTree(fetcher.text(info, uri));
        } catch (IOException e) {
            throw new DownloadException(uri + ": the Hub answered something that is not JSON", e);
        }
        String commit = model.path("sha").asText(ref.revision());
        List<HubFile> files = selectFiles(model.path("siblings"));
        if (files.isEmpty()) {
            throw new DownloadException(uri + ": the repository has no files to download");
        }
        long total = files.stream().mapToLong(HubFile::size).sum();
        LOG.info(
                "{}: revision {} is commit {}; {} files, {}",
                uri,
                ref.revision(),
                commit,
                files.size(),
                Progress.bytes(total));
        Path staging = target.resolve(".gantry-download");
        for (HubFile file : files) {
            Path destination = inside(target, file.path());
            if (alreadyThere(destination, file)) {
                LOG.info("{}: already present and verified", file.path());
                continue;
            }
            URI resolve = URI.create(
                    endpoint + "/" + ref.repository() + "/resolve/" + encode(commit) + "/" + encodePath(file.path()));
            fetcher.download(resolve, destination, inside(staging, file.path() + ".part"), file.digest(), file.path());
        }
        deleteIfEmpty(staging);
        if (!Files.isRegularFile(target.resolve("config.json"))) {
            LOG.warn("{}: downloaded, but there is no config.json at the top of the repository", uri);
        }
        LOG.info("{}: complete in {}", uri, target);
    }

    static List<HubFile> selectFiles(JsonNode siblings) {
        List<HubFile> all = new ArrayList<>();
        for (JsonNode sibling : siblings) {
            String path = sibling.path("rfilename").asText("");
            if (path.isEmpty() || path.equals(".gitattributes")) {
                continue;
            }
            JsonNode lfs = sibling.get("lfs");
            Digest digest;
            long size;
            if (lfs != null && lfs.hasNonNull("sha256")) {
                size = lfs.path("size").asLong(sibling.path("size").asLong(-1));
                digest = Digest.sha256(lfs.get("sha256").asText());
            } else {
                size = sibling.path("size").asLong(-1);
                digest = sibling.hasNonNull("blobId") && size >= 0
                        ? Digest.gitBlob(sibling.get("blobId").asText(), size)
                        : null;
            }
            all.add(new HubFile(path, Math.max(size, 0), digest));
        }
        boolean safetensors = all.stream().anyMatch(f -> f.path().endsWith(".safetensors"));
        return all.stream()
                .filter(f -> !(safetensors && isOtherWeights(f.path())))
                .toList();
    }

    private static boolean isOtherWeights(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        return path.startsWith("original/")
                || path.startsWith("onnx/")
                || path.startsWith("coreml/")
                || OTHER_WEIGHTS.stream().anyMatch(lower::endsWith);
    }

    private static boolean alreadyThere(Path destination, HubFile file) {
        if (!Files.isRegularFile(destination) || file.digest() == null) {
            return false;
        }
        try {
            if (Files.size(destination) != file.size()) {
                return false;
            }
            MessageDigest hasher = file.digest().newHasher();
            try (InputStream in = Files.newInputStream(destination)) {
                byte[] buffer = new byte[1 << 16];
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    hasher.update(buffer, 0, read);
                }
            }
            return file.digest().matches(hasher);
        } catch (IOException e) {
            return false;
        }
    }

    /** Resolves a repository path under {@code root}, refusing paths that escape it. */
    static Path inside(Path root, String relative) {
        Path resolved = root.resolve(relative).normalize();
        if (!resolved.startsWith(root.normalize()) || relative.startsWith("/")) {
            throw new DownloadException("refusing the path '" + relative + "': it leaves the target directory");
        }
        return resolved;
    }

    private static void deleteIfEmpty(Path dir) {
        try (var walk = Files.walk(dir)) {
            List<Path> paths = walk.sorted(java.util.Comparator.reverseOrder()).toList();
            if (paths.stream().noneMatch(Files::isRegularFile)) {
                for (Path p : paths) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            // leftovers are harmless
        }
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String encodePath(String path) {
        String[] parts = path.split("/");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            out.append(i == 0 ? "" : "/").append(encode(parts[i]));
        }
        return out.toString();
    }
}
