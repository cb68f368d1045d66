package dev.gantry.runtime.download;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback HTTP server with the Hugging Face Hub's URL layout: the model info API with file metadata,
 * {@code resolve} URLs with Range support, LFS files redirected to a "CDN" on another host name, a token
 * check, and switches to cut a transfer half-way or corrupt a file. Archives are served under {@code /archives/}.
 */
final class FakeHub implements AutoCloseable {
    static final String REPO = "gantry-test/stories260K";
    static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";
    static final String TOKEN = "hf_good_token";

    private final HttpServer server;
    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private final Set<String> lfs = ConcurrentHashMap.newKeySet();
    private final Map<String, byte[]> archives = new ConcurrentHashMap<>();
    final List<String> requests = new CopyOnWriteArrayList<>();
    final List<String> cdnAuthorizations = new CopyOnWriteArrayList<>();
    final Set<String> cutOnce = ConcurrentHashMap.newKeySet();
    final Set<String> corrupt = ConcurrentHashMap.newKeySet();
    volatile boolean requireToken = true;

    FakeHub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    void addFile(String path, byte[] content, boolean largeFile) {
        files.put(path, content);
        if (largeFile) {
            lfs.add(path);
        }
    }

    void addArchive(String name, byte[] content) {
        archives.put(name, content);
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private String cdn() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String range = exchange.getRequestHeaders().getFirst("Range");
        requests.add(path + (range == null ? "" : " " + range));
        try {
            if (path.startsWith("/cdn/")) {
                cdnAuthorizations.add(
                        String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
                serve(exchange, path.substring("/cdn/".length()), range);
                return;
            }
            if (path.startsWith("/archives/")) {
                byte[] archive = archives.get(path.substring("/archives/".length()));
                sendBytes(exchange, archive, range, path);
                return;
            }
            if (requireToken
                    && !("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                send(exchange, 401, "{\"error\":\"Invalid credentials in Authorization header\"}");
                return;
            }
            if (path.equals("/api/models/" + REPO + "/revision/main")) {
                send(exchange, 200, info());
            } else if (path.startsWith("/" + REPO + "/resolve/" + COMMIT + "/")) {
                String file = path.substring(("/" + REPO + "/resolve/" + COMMIT + "/").length());
                if (lfs.contains(file)) {
                    exchange.getResponseHeaders().add("Location", cdn() + "/cdn/" + file);
                    exchange.sendResponseHeaders(302, -1);
                    exchange.close();
                } else {
                    serve(exchange, file, range);
                }
            } else {
                send(exchange, 404, "{\"error\":\"Repository Not Found\"}");
            }
        } catch (RuntimeException e) {
            send(exchange, 500, e.toString());
        }
    }

    private void serve(HttpExchange exchange, String file, String range) throws IOException {
        byte[] content = files.get(file);
        if (content != null && corrupt.contains(file)) {
            content = content.clone();
            content[content.length / 2] ^= 0x5a;
        }
        sendBytes(exchange, content, range, file);
    }

    private void sendBytes(HttpExchange exchange, byte[] content, String range, String name) throws IOException {
        if (content == null) {
            send(exchange, 404, "{\"error\":\"Entry Not Found\"}");
            return;
        }
        int from = 0;
        if (range != null) {
            from = Integer.parseInt(range.replace("bytes=", "").replace("-", ""));
            if (from >= content.length) {
                exchange.sendResponseHeaders(416, -1);
                exchange.close();
                return;
            }
            exchange.getResponseHeaders()
                    .add("Content-Range", "bytes " + from + "-" + (content.length - 1) + "/" + content.length);
        }
        int length = content.length - from;
        exchange.sendResponseHeaders(range != null ? 206 : 200, length);
        OutputStream out = exchange.getResponseBody();
        if (range == null && cutOnce.remove(name)) {
            out.write(content, 0, length / 2);
            out.flush();
            exchange.getHttpContext().getServer(); // keep the reference; the cut is the abrupt close below
            exchange.close();
            return;
        }
        out.write(content, from, length);
        out.close();
    }

    private String info() {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode().put("id", REPO).put("sha", COMMIT);
        ArrayNode siblings = root.putArray("siblings");
        siblings.addObject().put("rfilename", ".gitattributes").put("size", 10).put("blobId", "0".repeat(40));
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            ObjectNode sibling =
                    siblings.addObject().put("rfilename", file.getKey()).put("size", file.getValue().length);
            if (lfs.contains(file.getKey())) {
                sibling.put("blobId", "f".repeat(40));
                sibling.putObject("lfs")
                        .put("sha256", hex("SHA-256", file.getValue(), null))
                        .put("size", file.getValue().length)
                        .put("pointerSize", 134);
            } else {
                sibling.put("blobId", hex("SHA-1", file.getValue(), "blob " + file.getValue().length + "\0"));
            }
        }
        return root.toString();
    }

    static String hex(String algorithm, byte[] content, String prefix) {
        try {
            MessageDigest digest = MessageDigest.getInstance(algorithm);
            if (prefix != null) {
                digest.update(prefix.getBytes(StandardCharsets.US_ASCII));
            }
            return HexFormat.of().formatHex(digest.digest(content));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
