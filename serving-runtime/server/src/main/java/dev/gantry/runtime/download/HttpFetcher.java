package dev.gantry.runtime.download;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP downloads that survive interruptions: a file is written to a {@code .part} file first, an
 * interrupted transfer (in this run or a previous one) continues with a {@code Range} request, the
 * result is checked against its digest before it is moved into place. Redirects are followed by hand
 * so that the bearer token never leaves the host it was meant for. Progress goes to the log.
 */
public final class HttpFetcher {
    private static final Logger LOG = LoggerFactory.getLogger(HttpFetcher.class);
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");
    private static final int MAX_REDIRECTS = 10;
    private static final long PROGRESS_INTERVAL_NANOS = 5_000_000_000L;

    private final HttpClient client;
    private final String token;
    private final int maxAttempts;
    private final Duration retryDelay;

    public HttpFetcher(String token, int maxAttempts, Duration retryDelay) {
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(30))
                .build();
        this.token = token;
        this.maxAttempts = maxAttempts;
        this.retryDelay = retryDelay;
    }

    /** A small text resource (an API answer); {@code what} names it in errors. */
    public String text(URI uri, String what) {
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse<InputStream> response = send(uri, null);
                try (InputStream body = response.body()) {
                    if (response.statusCode() == 200) {
                        return new String(body.readAllBytes(), StandardCharsets.UTF_8);
                    }
                    failOrRetry(response.statusCode(), what, attempt);
                }
            } catch (IOException e) {
                if (attempt >= maxAttempts) {
                    throw new DownloadException("cannot fetch " + what + ": " + e.getMessage(), e);
                }
            }
            pause(attempt);
        }
    }

    /**
     * Downloads {@code uri} to {@code target} through {@code partial}, checking {@code digest} when given.
     * A {@code partial} file left by an earlier run is continued, not restarted.
     */
    public void download(URI uri, Path target, Path partial, Digest digest, String label) {
        int mismatches = 0;
        for (int attempt = 1; ; attempt++) {
            try {
                if (transfer(uri, partial, label, attempt)) {
                    if (digest == null || verify(partial, digest)) {
                        Files.createDirectories(target.toAbsolutePath().getParent());
                        Files.move(
                                partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                        return;
                    }
                    Files.deleteIfExists(partial);
                    // One fresh download can repair a corrupted resume; a second mismatch means the source differs.
                    if (++mismatches > 1 || attempt >= maxAttempts) {
                        throw new DownloadException("integrity check failed for " + label + ": expected "
                                + digest.describe() + " but the downloaded content differs");
                    }
                    LOG.warn("{}: checksum mismatch, downloading again from the start", label);
                }
            } catch (IOException e) {
                if (attempt >= maxAttempts) {
                    throw new DownloadException(
                            "cannot download " + label + " after " + attempt + " attempts: " + e, e);
                }
                LOG.warn(
                        "{}: transfer interrupted ({}); resuming (attempt {} of {})",
                        label,
                        e.getMessage(),
                        attempt + 1,
                        maxAttempts);
            }
            pause(attempt);
        }
    }

    /** One attempt; true when the partial file now holds the whole resource. */
    private boolean transfer(URI uri, Path partial, String label, int attempt) throws IOException {
        Files.createDirectories(partial.toAbsolutePath().getParent());
        long have = Files.exists(partial) ? Files.size(partial) : 0;
        HttpResponse<InputStream> response = send(uri, have > 0 ? "bytes=" + have + "-" : null);
        try (InputStream body = response.body()) {
            int status = response.statusCode();
            if (status == 416 && have > 0) {
                return true; // the partial file already holds everything; the digest decides
            }
            if (status != 200 && status != 206) {
                failOrRetry(status, label, attempt);
                return false;
            }
            long offset = 0;
            long total = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (status == 206) {
                Matcher range = CONTENT_RANGE.matcher(
                        response.headers().firstValue("Content-Range").orElse(""));
                if (!range.matches() || Long.parseLong(range.group(1)) != have) {
                    throw new IOException("the server answered an unexpected range; starting over");
                }
                offset = have;
                total = range.group(3).equals("*") ? -1 : Long.parseLong(range.group(3));
                LOG.info("{}: resuming at {}", label, Progress.bytes(have));
            } else if (have > 0) {
                LOG.info("{}: the server does not resume transfers; starting over", label);
            }
            copy(body, partial, offset, total, label);
            return true;
        }
    }

    private void copy(InputStream body, Path partial, long offset, long total, String label) throws IOException {
        StandardOpenOption mode = offset > 0 ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING;
        Progress progress = new Progress(label, offset, total, PROGRESS_INTERVAL_NANOS);
        try (OutputStream out =
                Files.newOutputStream(partial, StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode)) {
            byte[] buffer = new byte[1 << 16];
            int read;
            while ((read = body.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
                progress.advance(read);
            }
        }
        long size = Files.size(partial);
        if (total >= 0 && size != total) {
            throw new IOException("connection closed after " + size + " of " + total + " bytes");
        }
        progress.done();
    }

    private static boolean verify(Path file, Digest digest) throws IOException {
        MessageDigest hasher = digest.newHasher();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            int read;
            while ((read = in.read(buffer)) >= 0) {
                hasher.update(buffer, 0, read);
            }
        }
        return digest.matches(hasher);
    }

    /** Sends a GET, following redirects; the token goes only to the original host. */
    private HttpResponse<InputStream> send(URI uri, String range) throws IOException {
        URI current = uri;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(current)
                    .GET()
                    .timeout(Duration.ofMinutes(10))
                    .header("User-Agent", "gantry-runtime");
            if (token != null && Objects.equals(current.getHost(), uri.getHost())) {
                request.header("Authorization", "Bearer " + token);
            }
            if (range != null) {
                request.header("Range", range);
            }
            HttpResponse<InputStream> response;
            try {
                response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            int status = response.statusCode();
            if (status >= 300
                    && status < 400
                    && response.headers().firstValue("Location").isPresent()) {
                response.body().close();
                current = current.resolve(
                        response.headers().firstValue("Location").get());
                continue;
            }
            return response;
        }
        throw new IOException("too many redirects from " + uri);
    }

    private void failOrRetry(int status, String what, int attempt) {
        switch (status) {
            case 401 ->
                throw new DownloadException(what + ": HTTP 401 Unauthorized: the token in GANTRY_DOWNLOAD_TOKEN is "
                        + (token == null ? "missing" : "not accepted") + " (or the repository does not exist)");
            case 403 ->
                throw new DownloadException(what + ": HTTP 403 Forbidden: the token has no access "
                        + "(gated model: accept its licence on the Hub with this account)");
            case 404 -> throw new DownloadException(what + ": HTTP 404 Not Found");
            default -> {
                if (status < 500 && status != 429 && status != 408) {
                    throw new DownloadException(what + ": HTTP " + status);
                }
                if (attempt >= maxAttempts) {
                    throw new DownloadException(what + ": HTTP " + status + " after " + attempt + " attempts");
                }
                LOG.warn("{}: HTTP {}; retrying", what, status);
            }
        }
    }

    private void pause(int attempt) {
        try {
            Thread.sleep(retryDelay.toMillis() * Math.min(attempt, 8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DownloadException("interrupted");
        }
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
