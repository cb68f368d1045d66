package dev.gantry.local.node;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The {@code pod-template-hash} a Deployment controller gives the pods of one version of its template: a template
 * change (a new config checksum, a new image) is a new hash, and pods with an older hash are replaced.
 */
final class PodTemplateHash {

    /** Kubernetes' alphabet for generated names: no vowels, no look-alike characters. */
    private static final char[] ALPHABET = "bcdfghjklmnpqrstvwxz2456789".toCharArray();

    private PodTemplateHash() {}

    static String of(PodTemplateSpec template) {
        try {
            var digest = MessageDigest.getInstance("SHA-256")
                    .digest(Serialization.asJson(template).getBytes(StandardCharsets.UTF_8));
            var hash = new StringBuilder();
            for (int i = 0; i < 10; i++) {
                hash.append(ALPHABET[(digest[i] & 0xff) % ALPHABET.length]);
            }
            return hash.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A random suffix for a pod name, as a ReplicaSet generates it. */
    static String suffix(java.util.Random random) {
        var suffix = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            suffix.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return suffix.toString();
    }
}
