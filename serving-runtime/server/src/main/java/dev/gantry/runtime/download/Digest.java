package dev.gantry.runtime.download;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The checksum a file must have: SHA-256 of the content (Hub LFS files, archives) or the git blob id
 * (SHA-1 of {@code "blob <size>\0"} and the content, for small files the Hub keeps in git).
 */
public record Digest(Kind kind, String expectedHex, long size) {
    /** How the expected value is computed. */
    public enum Kind {
        SHA256,
        GIT_BLOB_SHA1
    }

    public static Digest sha256(String hex) {
        return new Digest(Kind.SHA256, hex.toLowerCase(java.util.Locale.ROOT), -1);
    }

    public static Digest gitBlob(String hex, long size) {
        return new Digest(Kind.GIT_BLOB_SHA1, hex.toLowerCase(java.util.Locale.ROOT), size);
    }

    /** A fresh hasher, primed for git blobs with the header. */
    public MessageDigest newHasher() {
        try {
            if (kind == Kind.SHA256) {
                return MessageDigest.getInstance("SHA-256");
            }
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(("blob " + size + "\0").getBytes(StandardCharsets.US_ASCII));
            return sha1;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean matches(MessageDigest hasher) {
        return HexFormat.of().formatHex(hasher.digest()).equals(expectedHex);
    }

    public String describe() {
        return (kind == Kind.SHA256 ? "sha256 " : "git blob ") + expectedHex;
    }
}
