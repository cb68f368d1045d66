package dev.gantry.constraints.regex;

import dev.gantry.constraints.automaton.CodePointSet;

/** The {@code \p{...}} names the regex subset knows: general categories and the POSIX classes. */
final class UnicodeProperties {
    private static final java.util.Map<String, String> LONG_NAMES = java.util.Map.ofEntries(
            java.util.Map.entry("Letter", "L"),
            java.util.Map.entry("Uppercase_Letter", "Lu"),
            java.util.Map.entry("Lowercase_Letter", "Ll"),
            java.util.Map.entry("Titlecase_Letter", "Lt"),
            java.util.Map.entry("Modifier_Letter", "Lm"),
            java.util.Map.entry("Other_Letter", "Lo"),
            java.util.Map.entry("Mark", "M"),
            java.util.Map.entry("Number", "N"),
            java.util.Map.entry("Decimal_Number", "Nd"),
            java.util.Map.entry("Letter_Number", "Nl"),
            java.util.Map.entry("Other_Number", "No"),
            java.util.Map.entry("Punctuation", "P"),
            java.util.Map.entry("Symbol", "S"),
            java.util.Map.entry("Separator", "Z"),
            java.util.Map.entry("Space_Separator", "Zs"),
            java.util.Map.entry("Other", "C"),
            java.util.Map.entry("Control", "Cc"));

    private UnicodeProperties() {}

    static CodePointSet lookup(String name) {
        String n = name;
        if (n.startsWith("Is") && n.length() <= 4) {
            n = n.substring(2);
        }
        if (n.startsWith("general_category=") || n.startsWith("gc=")) {
            n = n.substring(n.indexOf('=') + 1);
        }
        n = LONG_NAMES.getOrDefault(n, n);
        CodePointSet category = CodePointSet.category(n);
        if (category != null) {
            return category;
        }
        switch (n) {
            case "ASCII":
                return CodePointSet.of(0, 0x7F);
            case "Alpha":
                return CodePointSet.fromRanges(new int[] {'a', 'z', 'A', 'Z'});
            case "Digit":
                return CodePointSet.of('0', '9');
            case "Alnum":
                return CodePointSet.fromRanges(new int[] {'a', 'z', 'A', 'Z', '0', '9'});
            case "Upper":
                return CodePointSet.of('A', 'Z');
            case "Lower":
                return CodePointSet.of('a', 'z');
            case "Punct":
                return CodePointSet.ofChars("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~");
            case "Space":
                return CodePointSet.ofChars(" \t\n\u000B\f\r");
            case "XDigit":
                return CodePointSet.fromRanges(new int[] {'0', '9', 'a', 'f', 'A', 'F'});
            case "Blank":
                return CodePointSet.ofChars(" \t");
            case "Cntrl":
                return CodePointSet.fromRanges(new int[] {0, 0x1F, 0x7F, 0x7F});
            case "Graph":
                return CodePointSet.of(0x21, 0x7E);
            case "Print":
                return CodePointSet.of(0x20, 0x7E);
            default:
                return null;
        }
    }
}
