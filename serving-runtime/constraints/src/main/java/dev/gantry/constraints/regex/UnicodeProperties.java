package dev.gantry.constraints.regex;

import dev.gantry.constraints.automaton.CodePointSet;

/** The {@code \p{...}} names the regex subset knows: general categories and the POSIX classes. */
final class UnicodeProperties {
    private UnicodeProperties() {}

    static CodePointSet lookup(String name) {
        String n = name;
        if (n.startsWith("Is") && n.length() <= 4) {
            n = n.substring(2);
        }
        if (n.startsWith("general_category=") || n.startsWith("gc=")) {
            n = n.substring(n.indexOf('=') + 1);
        }
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
