package dev.gantry.constraints.support;

import java.util.Random;

/** Small random edits of strings, to test that a matcher and an oracle agree near valid outputs. */
public final class Mutations {
    private static final String ALPHABET = "aAbz09-_.,:()[]{}\" \n#éü日яQuO=+*/'";

    private Mutations() {}

    /** Deletes, duplicates or replaces one random character. */
    public static String mutate(String s, Random random) {
        int[] cps = s.codePoints().toArray();
        if (cps.length == 0) {
            return String.valueOf(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        int i = random.nextInt(cps.length);
        int op = random.nextInt(3);
        StringBuilder sb = new StringBuilder();
        for (int j = 0; j < cps.length; j++) {
            if (j != i) {
                sb.appendCodePoint(cps[j]);
            } else if (op == 1) {
                sb.appendCodePoint(cps[j]).appendCodePoint(cps[j]);
            } else if (op == 2) {
                sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
        }
        return sb.toString();
    }
}
