package dev.gantry.runtime.download;

import dev.gantry.runtime.config.ConfigException;
import dev.gantry.runtime.config.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code gantry-runtime download --uri=... --target=DIR [--sha256=HEX] [--hf-endpoint=URL]}. Exit code 0
 * on success, 1 when the download failed, 2 for bad arguments. The token comes from
 * {@code GANTRY_DOWNLOAD_TOKEN} (never a flag, never logged).
 */
public final class DownloadCommand {
    private static final Logger LOG = LoggerFactory.getLogger(DownloadCommand.class);
    static final int ATTEMPTS = 6;

    private DownloadCommand() {}

    public static int run(List<String> args, Map<String, String> env) {
        return run(args, env, Duration.ofSeconds(2));
    }

    static int run(List<String> args, Map<String, String> env, Duration retryDelay) {
        String uri;
        Path target;
        String sha256;
        String endpoint;
        try {
            Settings settings = Settings.from(env, args);
            List<String> unknown = settings.unknownFlags(List.of("uri", "target", "sha256", "hf-endpoint"));
            if (!unknown.isEmpty()) {
                throw new ConfigException("unknown flag --" + unknown.get(0));
            }
            uri = settings.string("GANTRY_URI").orElseThrow(() -> new ConfigException("--uri is required"));
            target = Paths.get(
                    settings.string("GANTRY_TARGET").orElseThrow(() -> new ConfigException("--target is required")));
            sha256 = settings.string("GANTRY_SHA256").orElse(null);
            endpoint = settings.string("GANTRY_HF_ENDPOINT", "https://huggingface.co");
        } catch (ConfigException e) {
            System.err.println("gantry-runtime download: " + e.getMessage());
            return 2;
        }
        HttpFetcher fetcher = new HttpFetcher(env.get("GANTRY_DOWNLOAD_TOKEN"), ATTEMPTS, retryDelay);
        try {
            Files.createDirectories(target);
            if (uri.startsWith("hf://")) {
                new HfDownloader(endpoint, fetcher).download(uri, target);
            } else if (uri.startsWith("https://") || uri.startsWith("http://")) {
                if (uri.startsWith("http://")) {
                    LOG.warn("{}: plain http: use https outside tests", uri);
                }
                new ArchiveDownloader(fetcher).download(uri, target, sha256);
            } else {
                throw new DownloadException(
                        "unsupported URI '" + uri + "': use hf://org/name[@revision] or https://...");
            }
            return 0;
        } catch (DownloadException e) {
            LOG.error("download failed: {}", e.getMessage());
            return 1;
        } catch (java.io.IOException e) {
            LOG.error("download failed: cannot create {}: {}", target, e.getMessage());
            return 1;
        }
    }
}
