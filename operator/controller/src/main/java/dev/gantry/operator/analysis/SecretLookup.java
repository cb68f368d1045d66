package dev.gantry.operator.analysis;

import java.util.Optional;

/** Reads one key of a Secret, for webhook headers that carry tokens; the operator never caches Secrets. */
@FunctionalInterface
public interface SecretLookup {

    /** The decoded value, or empty when the Secret or the key does not exist. */
    Optional<String> value(String namespace, String secret, String key);
}
