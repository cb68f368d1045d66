package dev.gantry.constraints.support;

import dev.gantry.constraints.Vocabulary;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** The real vocabularies the tests use, loaded once, plus small synthetic ones for exhaustive checks. */
public final class TestVocabularies {
    private static Vocabulary stories;
    private static Vocabulary gpt2;

    private TestVocabularies() {}

    /** stories260K: 512 tokens, SentencePiece style with byte fallback. */
    public static synchronized Vocabulary stories260k() {
        if (stories == null) {
            stories = Vocabulary.fromTokenizerJson(resourceDir("tokenizers/stories260K"));
        }
        return stories;
    }

    /** GPT-2: 50,257 byte-level BPE tokens. */
    public static synchronized Vocabulary gpt2() {
        if (gpt2 == null) {
            try (InputStream in = new GZIPInputStream(
                    TestVocabularies.class.getClassLoader().getResourceAsStream("tokenizers/gpt2/tokenizer.json.gz"))) {
                Path dir = Files.createTempDirectory("gpt2-tokenizer");
                Path file = dir.resolve("tokenizer.json");
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                gpt2 = Vocabulary.fromTokenizerJson(file);
                Files.delete(file);
                Files.delete(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return gpt2;
    }

    /** Every single byte as a token, plus the given multi-byte tokens, then one end-of-sequence token. */
    public static Vocabulary bytesPlus(String... extra) {
        List<byte[]> tokens = new ArrayList<>();
        for (int b = 0; b < 256; b++) {
            tokens.add(new byte[] {(byte) b});
        }
        for (String e : extra) {
            tokens.add(e.getBytes(StandardCharsets.UTF_8));
        }
        int eos = tokens.size();
        tokens.add("</s>".getBytes(StandardCharsets.UTF_8));
        BitSet special = new BitSet();
        special.set(eos);
        return Vocabulary.of(tokens, special, eos);
    }

    public static Path resourceDir(String name) {
        URL url = TestVocabularies.class.getClassLoader().getResource(name);
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
