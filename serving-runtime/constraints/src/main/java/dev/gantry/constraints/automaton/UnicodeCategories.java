package dev.gantry.constraints.automaton;

import java.util.concurrent.ConcurrentHashMap;

/** Unicode general categories as code point sets, computed once from java.lang.Character. */
final class UnicodeCategories {
    private static final ConcurrentHashMap<String, CodePointSet> CACHE = new ConcurrentHashMap<>();

    private UnicodeCategories() {}

    /** A Unicode general category ("L", "Lu", "Nd", ...), computed from java.lang.Character. */
    static CodePointSet category(String name) {
        return CACHE.computeIfAbsent(name, UnicodeCategories::compute);
    }

    private static CodePointSet compute(String name) {
        int[] types = categoryTypes(name);
        if (types == null) {
            return null;
        }
        boolean[] wanted = new boolean[32];
        for (int t : types) {
            wanted[t] = true;
        }
        CodePointSet.Builder b = new CodePointSet.Builder();
        int start = -1;
        for (int cp = 0; cp <= CodePointSet.MAX + 1; cp++) {
            boolean in = cp <= CodePointSet.MAX && wanted[Character.getType(cp)];
            if (in && start < 0) {
                start = cp;
            } else if (!in && start >= 0) {
                b.add(start, cp - 1);
                start = -1;
            }
        }
        return b.build();
    }

    private static int[] categoryTypes(String name) {
        switch (name) {
            case "L":
                return new int[] {
                    Character.UPPERCASE_LETTER,
                    Character.LOWERCASE_LETTER,
                    Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER,
                    Character.OTHER_LETTER
                };
            case "Lu":
                return new int[] {Character.UPPERCASE_LETTER};
            case "Ll":
                return new int[] {Character.LOWERCASE_LETTER};
            case "Lt":
                return new int[] {Character.TITLECASE_LETTER};
            case "Lm":
                return new int[] {Character.MODIFIER_LETTER};
            case "Lo":
                return new int[] {Character.OTHER_LETTER};
            case "M":
                return new int[] {Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK
                };
            case "Mn":
                return new int[] {Character.NON_SPACING_MARK};
            case "Mc":
                return new int[] {Character.COMBINING_SPACING_MARK};
            case "Me":
                return new int[] {Character.ENCLOSING_MARK};
            case "N":
                return new int[] {Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER};
            case "Nd":
                return new int[] {Character.DECIMAL_DIGIT_NUMBER};
            case "Nl":
                return new int[] {Character.LETTER_NUMBER};
            case "No":
                return new int[] {Character.OTHER_NUMBER};
            case "P":
                return new int[] {
                    Character.CONNECTOR_PUNCTUATION,
                    Character.DASH_PUNCTUATION,
                    Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION,
                    Character.INITIAL_QUOTE_PUNCTUATION,
                    Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION
                };
            case "Pc":
                return new int[] {Character.CONNECTOR_PUNCTUATION};
            case "Pd":
                return new int[] {Character.DASH_PUNCTUATION};
            case "Ps":
                return new int[] {Character.START_PUNCTUATION};
            case "Pe":
                return new int[] {Character.END_PUNCTUATION};
            case "Pi":
                return new int[] {Character.INITIAL_QUOTE_PUNCTUATION};
            case "Pf":
                return new int[] {Character.FINAL_QUOTE_PUNCTUATION};
            case "Po":
                return new int[] {Character.OTHER_PUNCTUATION};
            case "S":
                return new int[] {
                    Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL
                };
            case "Sm":
                return new int[] {Character.MATH_SYMBOL};
            case "Sc":
                return new int[] {Character.CURRENCY_SYMBOL};
            case "Sk":
                return new int[] {Character.MODIFIER_SYMBOL};
            case "So":
                return new int[] {Character.OTHER_SYMBOL};
            case "Z":
                return new int[] {Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR};
            case "Zs":
                return new int[] {Character.SPACE_SEPARATOR};
            case "Zl":
                return new int[] {Character.LINE_SEPARATOR};
            case "Zp":
                return new int[] {Character.PARAGRAPH_SEPARATOR};
            case "C":
                return new int[] {Character.CONTROL, Character.FORMAT, Character.PRIVATE_USE, Character.UNASSIGNED};
            case "Cc":
                return new int[] {Character.CONTROL};
            case "Cf":
                return new int[] {Character.FORMAT};
            case "Co":
                return new int[] {Character.PRIVATE_USE};
            case "Cn":
                return new int[] {Character.UNASSIGNED};
            default:
                return null;
        }
    }
}
