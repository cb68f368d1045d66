package dev.gantry.engine.tokenizer;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.gantry.engine.model.ModelLoadException;
import dev.gantry.engine.model.TokenizerSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A model's {@code tokenizer.json} through DJL's Hugging Face tokenizers, with truncation and padding
 * switched off (a prompt is never silently cut: too long is an error the caller reports). Thread-safe.
 */
public final class TextTokenizer implements AutoCloseable {
    private final HuggingFaceTokenizer tokenizer;
    private final TokenizerSettings settings;
    private final Path tokenizerJson;

    private TextTokenizer(HuggingFaceTokenizer tokenizer, TokenizerSettings settings, Path tokenizerJson) {
        this.tokenizer = tokenizer;
        this.settings = settings;
        this.tokenizerJson = tokenizerJson;
    }

    public static TextTokenizer load(Path tokenizerDir) {
        Path json = tokenizerDir.resolve("tokenizer.json");
        if (!Files.isRegularFile(json)) {
            throw new ModelLoadException("tokenizer directory " + tokenizerDir + " has no tokenizer.json");
        }
        Map<String, String> options = Map.of("truncation", "false", "padding", "false", "addSpecialTokens", "true");
        try {
            return new TextTokenizer(
                    HuggingFaceTokenizer.newInstance(json, options), TokenizerSettings.read(tokenizerDir), json);
        } catch (IOException | RuntimeException e) {
            throw new ModelLoadException("cannot load " + json + ": " + e.getMessage(), e);
        }
    }

    /** Token ids of {@code text}; with special tokens, the tokenizer's template adds e.g. BOS. */
    public int[] encode(String text, boolean addSpecialTokens) {
        long[] ids = tokenizer.encode(text, addSpecialTokens, false).getIds();
        int[] out = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            out[i] = (int) ids[i];
        }
        return out;
    }

    /** Text of {@code ids[from, to)}, special tokens left out. */
    public String decode(int[] ids, int from, int to) {
        long[] slice = new long[to - from];
        for (int i = from; i < to; i++) {
            slice[i - from] = ids[i];
        }
        return tokenizer.decode(slice, true);
    }

    public String decode(int[] ids) {
        return decode(ids, 0, ids.length);
    }

    /** The id of a token given by its text (a special token such as {@code </s>}), or -1. */
    public int tokenId(String token) {
        if (token == null || token.isEmpty()) {
            return -1;
        }
        int[] ids = encode(token, false);
        return ids.length == 1 ? ids[0] : -1;
    }

    public TokenizerSettings settings() {
        return settings;
    }

    /** The {@code tokenizer.json} file, for libraries that build their own view of the vocabulary. */
    public Path tokenizerJson() {
        return tokenizerJson;
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
