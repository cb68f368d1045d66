package dev.gantry.operator.cache;

import dev.gantry.operator.render.Revisions;
import java.security.SecureRandom;
import java.util.HexFormat;

/** The managed Redis password: generated once from a SecureRandom, and the ACL line Redis checks it with. */
public final class RedisPasswords {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int BYTES = 32;

    private RedisPasswords() {}

    /** 256 random bits as 64 hex characters: URL-safe and shell-safe. */
    public static String generate() {
        var bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Redis's ACL file: the default user, identified by the SHA-256 of the password, never the password. */
    public static String aclFile(String password) {
        return "user default on #" + Revisions.sha256Hex(password) + " ~* &* +@all\n";
    }
}
