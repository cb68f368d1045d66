package dev.gantry.constraints.vocab;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * GPT-2's {@code bytes_to_unicode} mapping, reversed: byte-level BPE vocabularies spell every byte as a
 * printable character, and this turns a token's spelling back into its bytes.
 */
public final class ByteLevelAlphabet {
    private static final int[] CHAR_TO_BYTE = new int[0x200];

    static {
        java.util.Arrays.fill(CHAR_TO_BYTE, -1);
        int n = 0;
        for (int b = 0; b < 256; b++) {
            boolean printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
            int c = printable ? b : 256 + n++;
            CHAR_TO_BYTE[c] = b;
        }
    }

    private ByteLevelAlphabet() {}

    /** The bytes a byte-level token spells; characters outside the alphabet are kept as UTF-8. */
    public static byte[] decode(String piece) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(piece.length());
        for (int i = 0; i < piece.length(); ) {
            int cp = piece.codePointAt(i);
            i += Character.charCount(cp);
            int b = cp < CHAR_TO_BYTE.length ? CHAR_TO_BYTE[cp] : -1;
            if (b >= 0) {
                out.write(b);
            } else {
                byte[] raw = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
                out.write(raw, 0, raw.length);
            }
        }
        return out.toByteArray();
    }

    /** The spelling of raw bytes in the byte-level alphabet (for building test vocabularies). */
    public static String encode(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (byte x : bytes) {
            int b = x & 0xFF;
            for (int c = 0; c < CHAR_TO_BYTE.length; c++) {
                if (CHAR_TO_BYTE[c] == b) {
                    sb.appendCodePoint(c);
                    break;
                }
            }
        }
        return sb.toString();
    }
}
