package dev.gantry.constraints;

import dev.gantry.constraints.engine.TokenIndex;
import dev.gantry.constraints.vocab.TokenizerJsonReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HexFormat;
import java.util.List;

/**
 * A model's token vocabulary as the constraint engine sees it: for every token id the exact bytes it
 * decodes to, which ids are special (never allowed inside constrained output) and which end the
 * sequence. Immutable and shared by every constraint compiled for the model.
 */
public final class Vocabulary {
    private final byte[][] tokens;
    private final BitSet excluded;
    private final int[] eos;
    private final int size;
    private final String id;
    private volatile TokenIndex index;

    private Vocabulary(byte[][] tokens, BitSet excluded, int[] eos, int size) {
        if (eos.length == 0) {
            throw ConstraintException.invalid(
                    "the vocabulary has no end-of-sequence token; pass its id with withEosTokenIds");
        }
        for (int e : eos) {
            if (e < 0 || e >= size) {
                throw ConstraintException.invalid("end-of-sequence id " + e + " is outside the vocabulary");
            }
        }
        if (size < tokens.length) {
            throw ConstraintException.invalid("vocabulary size " + size + " is below its " + tokens.length + " tokens");
        }
        this.tokens = tokens;
        this.excluded = excluded;
        this.eos = eos.clone();
        this.size = size;
        this.id = fingerprint();
    }

    /**
     * Loads a Hugging Face {@code tokenizer.json} (a file, or a model directory holding one). The
     * end-of-sequence ids come from the sibling {@code tokenizer_config.json},
     * {@code generation_config.json} or {@code config.json}.
     */
    public static Vocabulary fromTokenizerJson(Path path) {
        Path file = Files.isDirectory(path) ? path.resolve("tokenizer.json") : path;
        TokenizerJsonReader.Result r = TokenizerJsonReader.read(file);
        return new Vocabulary(r.tokens(), r.excluded(), r.eos(), r.tokens().length);
    }

    /** A vocabulary from explicit token bytes; ids in {@code special} are never allowed in output. */
    public static Vocabulary of(List<byte[]> tokenBytes, BitSet special, int... eosIds) {
        byte[][] tokens = new byte[tokenBytes.size()][];
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = tokenBytes.get(i).clone();
        }
        return new Vocabulary(tokens, (BitSet) special.clone(), eosIds, tokens.length);
    }

    /** The same tokens with other end-of-sequence ids (for example a chat model's end-of-turn token). */
    public Vocabulary withEosTokenIds(int... eosIds) {
        return new Vocabulary(tokens, excluded, eosIds, size);
    }

    /**
     * The same tokens inside a larger id space: a model whose output layer is wider than its
     * tokenizer (padding rows) never gets those extra ids allowed.
     */
    public Vocabulary withSize(int modelVocabSize) {
        return new Vocabulary(tokens, excluded, eos, modelVocabSize);
    }

    /** Number of token ids, that is the width of the logits a mask applies to. */
    public int size() {
        return size;
    }

    /** {@code ceil(size / 32)}: the length of the int array {@code Matcher.fillMask} writes. */
    public int maskWords() {
        return (size + 31) >>> 5;
    }

    /** Number of ids that have bytes (the tokenizer's own tokens, special ones included). */
    public int tokenCount() {
        return tokens.length;
    }

    /** A copy of the bytes the token decodes to (empty for ids beyond the tokenizer). */
    public byte[] tokenBytes(int tokenId) {
        return tokenId < tokens.length ? tokens[tokenId].clone() : new byte[0];
    }

    /** The bytes without a copy, for the engine's hot paths. */
    public byte[] tokenBytesUnsafe(int tokenId) {
        return tokenId < tokens.length ? tokens[tokenId] : EMPTY;
    }

    private static final byte[] EMPTY = new byte[0];

    /** True for special and added tokens, and ids without bytes: never part of constrained output. */
    public boolean isExcluded(int tokenId) {
        return tokenId >= tokens.length || excluded.get(tokenId);
    }

    public boolean isEos(int tokenId) {
        for (int e : eos) {
            if (e == tokenId) {
                return true;
            }
        }
        return false;
    }

    public int[] eosTokenIds() {
        return eos.clone();
    }

    /** A content fingerprint: equal for equal vocabularies, so caches can key on it. */
    public String id() {
        return id;
    }

    /** The engine's per-vocabulary index (token trie and shared caches), built on first use. */
    public TokenIndex index() {
        TokenIndex i = index;
        if (i == null) {
            synchronized (this) {
                i = index;
                if (i == null) {
                    i = new TokenIndex(this);
                    index = i;
                }
            }
        }
        return i;
    }

    private String fingerprint() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] len = new byte[4];
            for (int t = 0; t < tokens.length; t++) {
                intBytes(tokens[t].length, len);
                md.update(len);
                md.update(tokens[t]);
                md.update((byte) (excluded.get(t) ? 1 : 0));
            }
            md.update(Arrays.toString(eos).getBytes(StandardCharsets.UTF_8));
            intBytes(size, len);
            md.update(len);
            return HexFormat.of().formatHex(md.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void intBytes(int v, byte[] out) {
        out[0] = (byte) (v >>> 24);
        out[1] = (byte) (v >>> 16);
        out[2] = (byte) (v >>> 8);
        out[3] = (byte) v;
    }

    @Override
    public String toString() {
        return "Vocabulary(" + size + " ids, eos " + Arrays.toString(eos) + ", id " + id + ")";
    }
}
