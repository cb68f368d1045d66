package dev.gantry.engine.text;

import dev.gantry.engine.tokenizer.TextTokenizer;
import java.util.Arrays;

/**
 * Text of generated tokens as they arrive. A token's text depends on its neighbours (a leading space,
 * a multi-byte character split over byte-fallback tokens), so each new token is decoded together with a
 * few tokens before it and only complete characters are released, as vLLM and TGI do.
 */
public final class IncrementalDetokenizer {
    private static final int CONTEXT_TOKENS = 5;
    private static final char REPLACEMENT = '\uFFFD';

    private final TextTokenizer tokenizer;
    private int[] tokens;
    private int size;
    private int prefixOffset;
    private int readOffset;

    /** Starts after the prompt; its last tokens give the first generated token its context. */
    public IncrementalDetokenizer(TextTokenizer tokenizer, int[] prompt) {
        this.tokenizer = tokenizer;
        int keep = Math.min(prompt.length, CONTEXT_TOKENS + 1);
        this.tokens = Arrays.copyOfRange(prompt, prompt.length - keep, prompt.length + 16);
        this.size = keep;
        this.prefixOffset = Math.max(0, keep - CONTEXT_TOKENS);
        this.readOffset = keep;
    }

    /** Adds a token and returns the text it completes (often empty while a character is incomplete). */
    public String append(int token) {
        if (size == tokens.length) {
            compact();
        }
        tokens[size++] = token;
        String prefix = tokenizer.decode(tokens, prefixOffset, readOffset);
        String full = tokenizer.decode(tokens, prefixOffset, size);
        if (full.length() > prefix.length()
                && full.charAt(full.length() - 1) != REPLACEMENT
                && full.startsWith(prefix)) {
            prefixOffset = readOffset;
            readOffset = size;
            return full.substring(prefix.length());
        }
        return "";
    }

    /** Releases whatever text is still held back, at the end of generation. */
    public String flush() {
        if (readOffset == size) {
            return "";
        }
        String prefix = tokenizer.decode(tokens, prefixOffset, readOffset);
        String full = tokenizer.decode(tokens, prefixOffset, size);
        prefixOffset = readOffset;
        readOffset = size;
        return full.startsWith(prefix) ? full.substring(prefix.length()) : "";
    }

    /** Drops tokens before the decoding window so the buffer never grows with the output. */
    private void compact() {
        int drop = prefixOffset;
        int[] next = new int[Math.max(32, (size - drop) * 2)];
        System.arraycopy(tokens, drop, next, 0, size - drop);
        tokens = next;
        size -= drop;
        prefixOffset = 0;
        readOffset -= drop;
    }
}
