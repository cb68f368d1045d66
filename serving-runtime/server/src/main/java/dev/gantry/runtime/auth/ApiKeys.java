package dev.gantry.runtime.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The accepted API keys, held only as SHA-256 hashes. Keys come from a directory (a mounted Secret):
 * every regular, non-hidden file holds one key, either plain or as {@code sha256:<hex>}. A presented key
 * is hashed and compared with every stored hash in constant time, so neither timing nor logs reveal it.
 */
public final class ApiKeys {
    private static final HexFormat HEX = HexFormat.of();

    private final List<byte[]> hashes;

    private ApiKeys(List<byte[]> hashes) {
        this.hashes = List.copyOf(hashes);
    }

    public static ApiKeys load(Path directory) throws IOException {
        List<byte[]> hashes = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.startsWith(".") || !Files.isRegularFile(file)) {
                    continue; // Kubernetes secret volumes hold ..data symlink folders next to the keys
                }
                String content = Files.readString(file, StandardCharsets.UTF_8).trim();
                if (!content.isEmpty()) {
                    hashes.add(parse(content, name));
                }
            }
        }
        return new ApiKeys(hashes);
    }

    private static byte[] parse(String content, String file) {
        if (content.toLowerCase(Locale.ROOT).startsWith("sha256:")) {
            String hex = content.substring("sha256:".length()).trim();
            if (!hex.matches("[0-9a-fA-F]{64}")) {
                throw new IllegalArgumentException(
                        "API key file " + file + " starts with sha256: but is not 64 hex digits");
            }
            return HEX.parseHex(hex.toLowerCase(Locale.ROOT));
        }
        return sha256(content);
    }

    public int size() {
        return hashes.size();
    }

    /** The matching key's identity (a short hash prefix, safe to log and to key rate limits), if any. */
    public Optional<String> identify(String presented) {
        byte[] hash = sha256(presented);
        byte[] match = null;
        for (byte[] stored : hashes) {
            if (MessageDigest.isEqual(stored, hash)) {
                match = stored; // keep comparing: the time taken does not depend on which key matched
            }
        }
        return match == null ? Optional.empty() : Optional.of(HEX.formatHex(match, 0, 8));
    }

    static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
