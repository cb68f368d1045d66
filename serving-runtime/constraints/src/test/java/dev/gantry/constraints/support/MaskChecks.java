package dev.gantry.constraints.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gantry.constraints.CompiledConstraint;
import dev.gantry.constraints.Matcher;
import dev.gantry.constraints.Vocabulary;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Exhaustive mask checks against an enumerated set of valid outputs: at every prefix of every valid
 * output, every token that extends the prefix towards some valid output must be allowed
 * (completeness), end-of-sequence must be allowed exactly at valid outputs, and every allowed token
 * must leave a prefix the constraint can still complete (no dead ends).
 */
public final class MaskChecks {
    private MaskChecks() {}

    /** @return the number of (prefix, token) pairs checked */
    public static long checkComplete(CompiledConstraint c, Vocabulary vocab, Set<String> valid) {
        Set<String> prefixes = new HashSet<>();
        Set<String> byteStrings = new HashSet<>();
        for (String v : valid) {
            byte[] b = v.getBytes(StandardCharsets.UTF_8);
            byteStrings.add(key(b, b.length));
            for (int i = 0; i <= b.length; i++) {
                prefixes.add(key(b, i));
            }
        }
        long checked = 0;
        int[] mask = null;
        for (String p : prefixes) {
            byte[] prefix = p.getBytes(StandardCharsets.ISO_8859_1);
            Matcher m = c.newMatcher();
            for (byte b : prefix) {
                assertThat(m.accept(singleByteToken(vocab, b & 0xFF)))
                        .as("prefix %s", show(prefix))
                        .isTrue();
            }
            if (mask == null) {
                mask = new int[m.maskWords()];
            }
            m.fillMask(mask);
            for (int t = 0; t < vocab.size(); t++) {
                boolean allowed = (mask[t >>> 5] & (1 << (t & 31))) != 0;
                if (vocab.isEos(t)) {
                    assertThat(allowed).as("end allowed after %s", show(prefix)).isEqualTo(byteStrings.contains(p));
                    continue;
                }
                byte[] tok = vocab.tokenBytesUnsafe(t);
                if (vocab.isExcluded(t) || tok.length == 0) {
                    assertThat(allowed).as("special token %d never allowed", t).isFalse();
                    continue;
                }
                byte[] ext = Arrays.copyOf(prefix, prefix.length + tok.length);
                System.arraycopy(tok, 0, ext, prefix.length, tok.length);
                if (prefixes.contains(key(ext, ext.length))) {
                    assertThat(allowed)
                            .as("token '%s' after '%s' leads to a valid output", show(tok), show(prefix))
                            .isTrue();
                }
                if (allowed) {
                    assertThat(viableBytes(c, ext))
                            .as("allowed token '%s' after '%s' can still complete", show(tok), show(prefix))
                            .isTrue();
                }
                checked++;
            }
        }
        return checked;
    }

    private static boolean viableBytes(CompiledConstraint c, byte[] bytes) {
        Matcher m = c.newMatcher();
        return m.acceptBytes(bytes) && m.shortestCompletion(10_000) != null;
    }

    private static final java.util.Map<Vocabulary, int[]> SINGLE = new java.util.IdentityHashMap<>();

    static synchronized int singleByteToken(Vocabulary vocab, int b) {
        int[] map = SINGLE.computeIfAbsent(vocab, v -> {
            int[] m = new int[256];
            Arrays.fill(m, -1);
            for (int t = v.size() - 1; t >= 0; t--) {
                byte[] tok = v.tokenBytesUnsafe(t);
                if (!v.isExcluded(t) && tok.length == 1) {
                    m[tok[0] & 0xFF] = t;
                }
            }
            return m;
        });
        if (map[b] < 0) {
            throw new IllegalArgumentException("no single-byte token for " + b);
        }
        return map[b];
    }

    private static String key(byte[] b, int len) {
        return new String(b, 0, len, StandardCharsets.ISO_8859_1);
    }

    private static String show(byte[] b) {
        return new String(b, StandardCharsets.UTF_8).replace("\n", "\\n");
    }
}
